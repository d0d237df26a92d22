import { currencyCode } from '../../model/currency.js';
import { metadataEntries } from '../../model/metadata.js';
import { moneyFromMajorDecimal, optionalMoney, sameCurrency, type Money } from '../../model/money.js';
import type { Payment, PaymentAmountField, Transaction } from '../../model/payment.js';
import { AmountReader } from '../../model/readable-amounts.js';
import { assertNever } from '../../model/exhaustive.js';
import { final, isOneOf, notFinal, type StatusReading } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import type { TransformContext } from '../transform-context.js';
import { ORCARAIL_STATUSES, type OrcarailIntent, type OrcarailStatus } from './wire.js';

type OrcarailTransaction = NonNullable<OrcarailIntent['latestTransaction']>;

/** Pure: OrcaRail's payment intent → the unified Payment. */
export function transformOrcarailIntent(wire: OrcarailIntent, context: TransformContext): Payment {
  // Lower-case on the wire (`usd`, `usdt`); crypto assets carry their own decimals (model/currency.ts).
  const currency = currencyCode(wire.currency);
  const amounts = new AmountReader<PaymentAmountField>();
  const reading = readOrcarailStatus(wire.status, parseUtcTimestamp(wire.expiresAt), context.fetchedAt);
  const amount = amounts.read('amount', () => optionalMoney(wire.amount, currency, moneyFromMajorDecimal));
  const transaction = wire.latestTransaction ? transformTransaction(wire.latestTransaction, currency) : undefined;
  const captured = amounts.read('capturedAmount', () => capturedOf(reading, amount, transaction, currency));

  return {
    id: context.id,
    provider: 'ORCARAIL',
    ...reading,
    providerStatus: wire.status,
    amount,
    amountSource: 'PROVIDER',
    // A crypto transfer has no separate authorization: what arrived is what was authorized.
    authorizedAmount: captured && captured.minorUnits > 0n ? captured : undefined,
    capturedAmount: captured,
    // OrcaRail reports no refunds on this endpoint.
    discrepancies: [],
    unreadable: amounts.unreadable,
    orderId: metadataString(wire.metadata, 'order_id') ?? metadataString(wire.metadata, 'orderId'),
    customer: metadataString(wire.metadata, 'customer_id') ? { id: metadataString(wire.metadata, 'customer_id') } : undefined,
    paymentMethodType: wire.paymentMethodTypes?.join(',') || undefined,
    description: maskPansOptional(wire.description),
    processor: { name: 'ORCARAIL', transactionId: wire.latestTransaction?.id ?? undefined },
    transactions: transaction ? [transaction] : [],
    // While the intent waits for the buyer, the payment link is where they go next.
    nextAction:
      (reading.status === 'REQUIRES_PAYMENT_METHOD' || reading.status === 'REQUIRES_CONFIRMATION') && wire.paymentLink?.link
        ? { type: 'PAYMENT_LINK', url: wire.paymentLink.link, description: 'The buyer pays through this link' }
        : undefined,
    metadata: metadataEntries(wire.metadata),
    createdAt: parseUtcTimestamp(wire.createdAt),
    updatedAt: parseUtcTimestamp(wire.updatedAt),
    fetchedAt: context.fetchedAt,
  };
}

/**
 * OrcaRail intent status (seed 004's table, plus `completed`, which its webhooks and transactions
 * use for success) → unified status and finality. OrcaRail has no expired status: an intent still
 * waiting for the buyer or a confirmation past `expiresAt` reads as EXPIRED (final). A `processing`
 * intent is never expired or final here, whatever `expiresAt` says: its transfer is on chain and
 * the funds may still land.
 */
export function readOrcarailStatus(raw: string, expiresAt: Date | undefined, now: Date): StatusReading {
  if (!isOneOf(ORCARAIL_STATUSES, raw)) return notFinal('UNKNOWN');
  const status: OrcarailStatus = raw;
  const expired = expiresAt !== undefined && expiresAt.getTime() <= now.getTime();
  switch (status) {
    case 'succeeded':
    case 'completed':
      return final('CAPTURED');
    case 'canceled':
      return final('CANCELLED');
    case 'requires_payment_method':
      return expired ? final('EXPIRED') : notFinal('REQUIRES_PAYMENT_METHOD');
    case 'requires_confirmation':
      return expired ? final('EXPIRED') : notFinal('REQUIRES_CONFIRMATION');
    case 'processing':
      return notFinal('PROCESSING');
    default:
      return assertNever(status);
  }
}

const completed = (transaction: Transaction | undefined) => transaction?.status === 'CAPTURED';

/**
 * What arrived: a completed transaction's own amount when it is in the intent's currency (the
 * chain's proof); else the intent's amount once OrcaRail says the intent succeeded; nothing while
 * no transfer has completed. A completed transfer in another asset, on an intent not yet
 * succeeded, proves money moved but not how much in the intent's currency: unknown.
 */
function capturedOf(reading: StatusReading, amount: Money | undefined, transaction: Transaction | undefined, currency: string | undefined): Money | undefined {
  const transferred = completed(transaction) ? transaction?.amount : undefined;
  if (transferred && amount && sameCurrency(transferred, amount)) return transferred;
  if (reading.status === 'CAPTURED') return amount;
  if (completed(transaction)) return undefined;
  return optionalMoney('0', currency, moneyFromMajorDecimal);
}

function transformTransaction(wire: OrcarailTransaction, intentCurrency: string | undefined): Transaction {
  // A transaction in its own asset is read in that asset's decimals; only an absent code means the intent's.
  const currency = wire.currency == null ? intentCurrency : currencyCode(wire.currency);
  const amounts = new AmountReader<'amount'>();
  return {
    id: wire.id ?? undefined,
    type: 'SALE',
    status: wire.status ? readOrcarailStatus(wire.status, undefined, new Date(0)).status : undefined,
    providerStatus: wire.status ?? undefined,
    amount: amounts.read('amount', () => optionalMoney(wire.amount, currency, moneyFromMajorDecimal)),
    unreadable: amounts.unreadable,
    createdAt: parseUtcTimestamp(wire.createdAt),
    blockchainHash: wire.hash ?? undefined,
  };
}

function metadataString(metadata: Readonly<Record<string, unknown>> | null | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
