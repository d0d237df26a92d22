import DataLoader from 'dataloader';
import { ErrorCode } from '../errors/codes.js';
import { lookupError } from '../errors/payment-lookup-error.js';
import type { Payment, Transaction } from '../model/payment.js';
import { paymentKeyString, type PaymentKey } from '../model/provider.js';
import type { ProviderRegistry } from './provider-registry.js';
import { paymentIdProblem } from './payment-id.js';
import { resilientCall } from '../resilience/resilient-call.js';
import type { RequestScope } from '../request/request-scope.js';

/** One dispatched batch: which keys a loader sent to the providers together, in key order. */
export interface DispatchedBatch {
  readonly loader: 'payment' | 'transactions';
  readonly keys: readonly PaymentKey[];
}

export interface PaymentLoaders {
  readonly payment: DataLoader<PaymentKey, Payment, string>;
  /** Transactions behind a separate provider endpoint, loaded only when a query selects them. */
  readonly transactions: DataLoader<Payment, Transaction[], string>;
}

export interface PaymentLoaderOptions {
  /** Told of every batch: used for debug logging and by tests asserting the batches dispatched. */
  readonly onBatch?: (batch: DispatchedBatch) => void;
  /** The request the loaders serve: its deadline, cancellation and shared values. */
  readonly scope: RequestScope;
}

/**
 * A new pair of loaders for one GraphQL request. Never share them across requests: their cache
 * would serve one caller's payment to another.
 */
export function createPaymentLoaders(registry: ProviderRegistry, options: PaymentLoaderOptions): PaymentLoaders {
  const { scope } = options;
  return {
    payment: new DataLoader<PaymentKey, Payment, string>(
      (keys) => loadPaymentBatch(registry, keys, scope, options.onBatch),
      { cacheKeyFn: paymentKeyString },
    ),
    transactions: new DataLoader<Payment, Transaction[], string>(
      (payments) => loadTransactionsBatch(registry, payments, scope, options.onBatch),
      { cacheKeyFn: paymentKeyString },
    ),
  };
}

/**
 * The payment batch function: DataLoader has already collapsed duplicate keys. Each key goes to its
 * provider's runtime, whose bulkhead bounds that provider's concurrency. Every key settles on its
 * own: one failure becomes that key's Error, never the batch's.
 */
async function loadPaymentBatch(
  registry: ProviderRegistry,
  keys: readonly PaymentKey[],
  scope: RequestScope,
  onBatch: PaymentLoaderOptions['onBatch'],
): Promise<Array<Payment | Error>> {
  onBatch?.({ loader: 'payment', keys });
  return inBatchSpan('payment', keys.length, scope, (batchScope) => settleEach(keys, (key) => loadOnePayment(registry, key, batchScope)));
}

async function loadOnePayment(registry: ProviderRegistry, key: PaymentKey, requester: RequestScope): Promise<Payment> {
  const runtime = registry.get(key.provider);
  if (!runtime) throw lookupError(ErrorCode.PROVIDER_NOT_CONFIGURED, key.provider);
  const problem = paymentIdProblem(key.id) ?? runtime.adapter.idProblem?.(key.id);
  if (problem) throw lookupError(ErrorCode.BAD_USER_INPUT, key.provider, { detail: problem });
  const kept = await registry.keptFinalPayment(key);
  if (kept) return kept;
  // Concurrent requests for this payment share one call (cancelled only when all of them have left),
  // and so do the replicas reading it at the same moment.
  const payment = await runtime.flights.run(key.id, requester, (scope) =>
    registry.coordination.sharedRead(key, scope, () => resilientCall(runtime, scope, () => runtime.adapter.fetchPayment(key.id, scope))),
  );
  registry.coordination.finalPayments?.keep(payment);
  return payment;
}

async function loadTransactionsBatch(
  registry: ProviderRegistry,
  payments: readonly Payment[],
  scope: RequestScope,
  onBatch: PaymentLoaderOptions['onBatch'],
): Promise<Array<Transaction[] | Error>> {
  onBatch?.({ loader: 'transactions', keys: payments.map(({ provider, id }) => ({ provider, id })) });
  return inBatchSpan('transactions', payments.length, scope, (batchScope) => settleEach(payments, async (payment) => {
    if (!payment.transactionsElsewhere) return payment.transactions ?? [];
    const runtime = registry.get(payment.provider);
    const fetchTransactions = runtime?.adapter.fetchTransactions?.bind(runtime.adapter);
    if (!runtime || !fetchTransactions) {
      throw new TypeError(`${payment.provider} marked a payment transactionsElsewhere but its adapter has no fetchTransactions`);
    }
    return resilientCall(runtime, batchScope, () => fetchTransactions(payment, batchScope));
  }));
}

/**
 * The batch as one span (`<loader> batch`), parent of its provider calls, with how many keys it sent
 * and how many failed; no ids (they are the callers' business, not the trace's).
 */
async function inBatchSpan<Result>(
  loader: DispatchedBatch['loader'],
  size: number,
  scope: RequestScope,
  load: (batchScope: RequestScope) => Promise<Array<Result | Error>>,
): Promise<Array<Result | Error>> {
  const span = scope.tracer.start(`${loader} batch`, 'internal', scope.trace, { 'payments.loader': loader, 'payments.batch.size': size });
  try {
    const results = await load(scope.under(span.context));
    // Counted only for a span that is recorded: with tracing off nobody reads it.
    if (scope.tracer.recording) span.setAttributes({ 'payments.batch.failed': results.filter((result) => result instanceof Error).length });
    return results;
  } finally {
    span.end();
  }
}

/**
 * Runs `load` for every item at once and returns results in item order, each item settling on its own.
 * The per-provider bound is not here: every call goes through its provider's bulkhead.
 */
async function settleEach<Item, Result>(items: readonly Item[], load: (item: Item) => Promise<Result>): Promise<Array<Result | Error>> {
  return Promise.all(
    items.map(async (item) => {
      try {
        return await load(item);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
