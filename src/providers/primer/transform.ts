import type { Money } from '../../model/money.js';
import { moneyFromMinorNumber } from '../../model/money.js';
import { metadataEntries } from '../../model/metadata.js';
import { nonEmpty } from '../../model/compact.js';
import { cleanBin, cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { normalizeCurrency } from '../../model/currency.js';
import type { Card, Customer, Payment, StatusReason, Transaction, TransactionType } from '../../model/payment.js';
import { assertNever, isOneOf, type PaymentStatus } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import {
  PRIMER_PAYMENT_STATUSES,
  type PrimerPayment,
  type PrimerPaymentStatus,
  type PrimerStatusReason,
  type PrimerTransaction,
} from './wire.js';

export interface TransformContext {
  readonly fetchedAt: Date;
}

/** Pure: Primer's payment body → the unified Payment. */
export function transformPrimerPayment(wire: PrimerPayment, context: TransformContext): Payment {
  const currency = wire.currencyCode ? normalizeCurrency(wire.currencyCode) : undefined;
  const amountOf = (minor: number | null | undefined): Money | undefined =>
    currency !== undefined && minor != null ? moneyFromMinorNumber(minor, currency) : undefined;
  const status = mapPrimerStatus(wire.status, wire.requiredAction != null);
  const transactions = wire.transactions?.map((transaction) => transformTransaction(transaction, currency));

  return {
    id: wire.id,
    provider: 'PRIMER',
    status,
    providerStatus: wire.status,
    amount: amountOf(wire.amount),
    authorizedAmount: amountOf(authorizedMinor(wire)),
    capturedAmount: amountOf(wire.processor?.amountCaptured ?? (wire.status === 'SETTLED' ? wire.amount : undefined)),
    refundedAmount: amountOf(wire.processor?.amountRefunded),
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
 * Primer `PaymentStatus` → unified status (PROVIDERS.md mapping table). PENDING is split by
 * `requiredAction`: a payment blocked on 3-D Secure needs the buyer, otherwise it is processing.
 * SETTLING ("submitted for settlement") already counts as captured.
 */
export function mapPrimerStatus(raw: string, hasRequiredAction: boolean): PaymentStatus {
  if (!isOneOf(PRIMER_PAYMENT_STATUSES, raw)) return 'UNKNOWN';
  const status: PrimerPaymentStatus = raw;
  switch (status) {
    case 'PENDING':
      return hasRequiredAction ? 'REQUIRES_ACTION' : 'PROCESSING';
    case 'AUTHORIZED':
      return 'AUTHORIZED';
    case 'SETTLING':
    case 'SETTLED':
      return 'CAPTURED';
    case 'PARTIALLY_SETTLED':
      return 'PARTIALLY_CAPTURED';
    case 'DECLINED':
      return 'DECLINED';
    case 'FAILED':
      return 'FAILED';
    case 'CANCELLED':
      return 'CANCELLED';
    default:
      return assertNever(status);
  }
}

/**
 * Primer reports no authorized amount: it is the full amount once the payment got past
 * authorization, zero when it was declined or failed, and unknown otherwise.
 */
function authorizedMinor(wire: PrimerPayment): number | undefined {
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

/** `TransactionTypeEnum`: SALE | REFUND. */
const TRANSACTION_TYPES: Readonly<Record<string, TransactionType>> = { SALE: 'SALE', REFUND: 'REFUND' };

function transactionType(raw: string | null | undefined): TransactionType {
  return (raw ? TRANSACTION_TYPES[raw] : undefined) ?? 'UNKNOWN';
}

function transformTransaction(wire: PrimerTransaction, paymentCurrency: string | undefined): Transaction {
  const currency = (wire.currencyCode ? normalizeCurrency(wire.currencyCode) : undefined) ?? paymentCurrency;
  const providerStatus = wire.processorStatus ?? wire.status ?? undefined;
  return {
    id: wire.id ?? undefined,
    type: transactionType(wire.transactionType ?? wire.type),
    status: providerStatus ? mapPrimerStatus(providerStatus, false) : undefined,
    providerStatus,
    amount: currency !== undefined && wire.amount != null ? moneyFromMinorNumber(wire.amount, currency) : undefined,
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
