import { cleanBin, cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { currencyCode } from '../../model/currency.js';
import { metadataEntries } from '../../model/metadata.js';
import { moneyFromMinor, optionalMoney, sameCurrency, sumMoney, type ExactNumber, type Money } from '../../model/money.js';
import type { Card, Customer, Payment, PaymentAmountField, StatusReason, Transaction, TransactionType } from '../../model/payment.js';
import { AmountReader } from '../../model/readable-amounts.js';
import { summarizeRefunds } from '../../model/refunds.js';
import { assertNever } from '../../model/exhaustive.js';
import { final, isOneOf, notFinal, type StatusReading } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import type { TransformContext } from '../transform-context.js';
import {
  PRIMER_PAYMENT_STATUSES,
  type PrimerPayment,
  type PrimerPaymentStatus,
  type PrimerStatusReason,
  type PrimerTransaction,
} from './wire.js';

/** Pure: Primer's payment body → the unified Payment. */
export function transformPrimerPayment(wire: PrimerPayment, context: TransformContext): Payment {
  const currency = currencyCode(wire.currencyCode);
  const amounts = new AmountReader<PaymentAmountField>();
  const minor = (value: ExactNumber | null | undefined) => optionalMoney(value, currency, moneyFromMinor);
  const reading = readPrimerStatus(wire.status, wire.requiredAction != null);
  const amount = amounts.read('amount', () => minor(wire.amount));
  const authorizedAmount = amounts.read('authorizedAmount', () => minor(authorizedMinor(wire)));
  const capturedAmount = amounts.read('capturedAmount', () =>
    minor(wire.processor?.amountCaptured ?? (wire.status === 'SETTLED' ? wire.amount : undefined)),
  );
  const processorRefunded = amounts.read('refundedAmount', () => minor(wire.processor?.amountRefunded));
  const transactions = wire.transactions?.map((transaction) => transformTransaction(transaction, currency));
  const refunds = summarizeRefunds({
    authorized: authorizedAmount,
    captured: capturedAmount,
    refundTotals: [...(processorRefunded ? [processorRefunded] : []), ...settledRefundTotals(transactions ?? [])],
  });

  return {
    id: context.id,
    provider: 'PRIMER',
    ...reading,
    providerStatus: wire.status,
    amount,
    amountSource: 'PROVIDER',
    authorizedAmount,
    capturedAmount,
    ...refunds,
    unreadable: amounts.unreadable,
    orderId: wire.orderId ?? undefined,
    customer: customerOf(wire),
    card: cardOf(wire),
    paymentMethodType: wire.paymentMethod?.paymentMethodType ?? undefined,
    processor: nonEmpty({
      name: wire.processor?.name ?? undefined,
      merchantId: wire.processor?.processorMerchantId ?? wire.processor?.processor_merchant_id ?? undefined,
      transactionId: wire.transactions?.find((t) => (t.transactionType ?? t.type) === 'SALE')?.processorTransactionId ?? undefined,
      responseCode: wire.statusReason?.paymentMethodResultCode ?? undefined,
      responseMessage: maskPansOptional(wire.statusReason?.paymentMethodResultMessage),
    }),
    transactions,
    statusReason: statusReasonOf(wire.statusReason),
    nextAction: wire.requiredAction?.name
      ? { type: wire.requiredAction.name, description: maskPansOptional(wire.requiredAction.description) }
      : undefined,
    metadata: metadataEntries(wire.metadata),
    createdAt: parseUtcTimestamp(wire.date),
    updatedAt: parseUtcTimestamp(wire.dateUpdated),
    fetchedAt: context.fetchedAt,
  };
}

/**
 * Primer `PaymentStatus` (spec `PaymentStatus`; meanings in Primer's "Payment status" guide) →
 * unified status and finality. PENDING is split by `requiredAction`: a payment blocked on 3-D Secure
 * needs the buyer, otherwise it is processing. SETTLING ("the payment has been submitted for
 * settlement; funds will be settled later") counts as captured but is not final, and neither is
 * PARTIALLY_SETTLED: settlement is still under way for both.
 */
export function readPrimerStatus(raw: string, hasRequiredAction: boolean): StatusReading {
  if (!isOneOf(PRIMER_PAYMENT_STATUSES, raw)) return notFinal('UNKNOWN');
  const status: PrimerPaymentStatus = raw;
  switch (status) {
    case 'PENDING':
      return notFinal(hasRequiredAction ? 'REQUIRES_ACTION' : 'PROCESSING');
    case 'AUTHORIZED':
      return notFinal('AUTHORIZED');
    case 'SETTLING':
      return notFinal('CAPTURED');
    case 'PARTIALLY_SETTLED':
      return notFinal('PARTIALLY_CAPTURED');
    case 'SETTLED':
      return final('CAPTURED');
    case 'DECLINED':
      return final('DECLINED');
    case 'FAILED':
      return final('FAILED');
    case 'CANCELLED':
      return final('CANCELLED');
    default:
      return assertNever(status);
  }
}

/**
 * Primer reports no authorized amount: it is the full amount once the payment got past
 * authorization, zero when it was declined or failed, and unknown otherwise.
 */
function authorizedMinor(wire: PrimerPayment): ExactNumber | undefined {
  switch (wire.status) {
    case 'AUTHORIZED':
    case 'SETTLING':
    case 'PARTIALLY_SETTLED':
    case 'SETTLED':
      return wire.amount ?? undefined;
    case 'DECLINED':
    case 'FAILED':
      return 0;
    default:
      return undefined;
  }
}

/**
 * The refunds Primer's transactions prove: REFUND transactions whose processor status is SETTLED,
 * one total per currency (a refund in another currency is a discrepancy, not a sum). Pending
 * refunds stay visible in `transactions` and count once they settle.
 */
function settledRefundTotals(transactions: readonly Transaction[]): Money[] {
  const totals: Money[] = [];
  for (const transaction of transactions) {
    const { amount } = transaction;
    if (transaction.type !== 'REFUND' || transaction.providerStatus !== 'SETTLED' || !amount) continue;
    const index = totals.findIndex((total) => sameCurrency(total, amount));
    if (index === -1) totals.push(amount);
    else totals[index] = sumMoney([totals[index]!, amount], amount);
  }
  return totals;
}

/** `TransactionTypeEnum`: SALE | REFUND. */
const TRANSACTION_TYPES: ReadonlyMap<string, TransactionType> = new Map([
  ['SALE', 'SALE'],
  ['REFUND', 'REFUND'],
]);

function transformTransaction(wire: PrimerTransaction, paymentCurrency: string | undefined): Transaction {
  // A transaction without its own currency is in the payment's; one with an unrecognisable code is unreadable.
  const currency = wire.currencyCode == null ? paymentCurrency : currencyCode(wire.currencyCode);
  const providerStatus = wire.processorStatus ?? wire.status ?? undefined;
  const amounts = new AmountReader<'amount'>();
  const rawType = wire.transactionType ?? wire.type;
  return {
    id: wire.id ?? undefined,
    type: (rawType ? TRANSACTION_TYPES.get(rawType) : undefined) ?? 'UNKNOWN',
    status: providerStatus ? readPrimerStatus(providerStatus, false).status : undefined,
    providerStatus,
    amount: amounts.read('amount', () => optionalMoney(wire.amount, currency, moneyFromMinor)),
    unreadable: amounts.unreadable,
    createdAt: parseUtcTimestamp(wire.date),
    processorTransactionId: wire.processorTransactionId ?? undefined,
    reason: maskPansOptional(wire.reason),
  };
}

function cardOf(wire: PrimerPayment): Card | undefined {
  const data = wire.paymentMethod?.paymentMethodData;
  if (!data || (!data.last4Digits && !data.first6Digits)) return undefined;
  return nonEmpty({
    network: normalizeCardNetwork(data.binData?.network ?? data.network),
    last4: cleanLast4(data.last4Digits),
    bin: cleanBin(data.first6Digits),
    expiryMonth: parseExpiryMonth(data.expirationMonth),
    expiryYear: parseExpiryYear(data.expirationYear),
    holderName: data.cardholderName ?? undefined,
    funding: knownValue(data.binData?.accountFundingType),
    issuerCountry: knownValue(data.binData?.issuerCountryCode),
    issuerName: data.binData?.issuerName ?? undefined,
  });
}

/** Primer fills unknown BIN attributes with the literal "UNKNOWN": that is no information. */
function knownValue(raw: string | null | undefined): string | undefined {
  return raw && raw !== 'UNKNOWN' ? raw : undefined;
}

function customerOf(wire: PrimerPayment): Customer | undefined {
  const customer = wire.customer;
  const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ');
  return nonEmpty({
    id: wire.customerId ?? undefined,
    email: customer?.emailAddress ?? customer?.email ?? undefined,
    name: name || undefined,
    phone: customer?.mobileNumber ?? undefined,
  });
}

function statusReasonOf(reason: PrimerStatusReason | null | undefined): StatusReason | undefined {
  if (!reason) return undefined;
  return nonEmpty({
    category: reason.type ?? undefined,
    code: reason.code ?? undefined,
    message: maskPansOptional(reason.message),
    declineType: reason.declineType ?? undefined,
    advisedAction: reason.advisedAction ?? undefined,
  });
}
