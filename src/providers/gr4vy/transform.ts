import { metadataEntries } from '../../model/metadata.js';
import { cleanBin, cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { normalizeCurrency } from '../../model/currency.js';
import { moneyFromMinorNumber, type Money } from '../../model/money.js';
import type { Card, Customer, Payment, Transaction } from '../../model/payment.js';
import { assertNever, isOneOf, type PaymentStatus } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import {
  GR4VY_REFUND_STATUSES,
  GR4VY_TRANSACTION_STATUSES,
  type Gr4vyRefund,
  type Gr4vyRefundStatus,
  type Gr4vyTransaction,
  type Gr4vyTransactionStatus,
} from './wire.js';

export interface TransformContext {
  readonly fetchedAt: Date;
}

/** Pure: Gr4vy's transaction body → the unified Payment. */
export function transformGr4vyTransaction(wire: Gr4vyTransaction, context: TransformContext): Payment {
  const currency = normalizeCurrency(wire.currency) ?? wire.currency.toUpperCase();
  const amountOf = (minor: number | null | undefined): Money | undefined =>
    minor == null ? undefined : moneyFromMinorNumber(minor, currency);
  const status = mapGr4vyStatus(wire.status, wire.captured_amount ?? 0, wire.authorized_amount ?? wire.amount);
  const isFailure = status === 'DECLINED' || status === 'FAILED';

  return {
    id: wire.id,
    provider: 'GR4VY',
    status,
    providerStatus: wire.status,
    amount: amountOf(wire.amount),
    authorizedAmount: amountOf(wire.authorized_amount),
    capturedAmount: amountOf(wire.captured_amount),
    refundedAmount: amountOf(wire.refunded_amount),
    orderId: wire.external_identifier ?? undefined,
    customer: customerOf(wire),
    card: cardOf(wire),
    paymentMethodType: wire.payment_method?.method ?? wire.method ?? undefined,
    processor: nonEmpty({
      name: wire.payment_service?.payment_service_definition_id ?? undefined,
      merchantId: wire.merchant_account_id ?? undefined,
      transactionId: wire.payment_service_transaction_id ?? undefined,
      responseCode: wire.raw_response_code ?? wire.auth_response_code ?? undefined,
      responseMessage: maskPansOptional(wire.raw_response_description),
    }),
    transactions: derivedTransactions(wire, status, amountOf),
    statusReason: isFailure
      ? nonEmpty({
          code: wire.error_code ?? wire.raw_response_code ?? undefined,
          message: maskPansOptional(wire.raw_response_description),
        })
      : undefined,
    nextAction:
      wire.status === 'buyer_approval_pending'
        ? { type: 'BUYER_APPROVAL', url: wire.payment_method?.approval_url ?? undefined }
        : undefined,
    metadata: metadataEntries(wire.metadata),
    createdAt: parseUtcTimestamp(wire.created_at),
    updatedAt: parseUtcTimestamp(wire.updated_at),
    fetchedAt: context.fetchedAt,
  };
}

/**
 * Gr4vy `TransactionStatus` → unified status. Gr4vy has no partial-capture status:
 * `capture_succeeded` with less captured than authorized is a partial capture.
 */
export function mapGr4vyStatus(raw: string, capturedMinor: number, authorizedMinor: number): PaymentStatus {
  if (!isOneOf(GR4VY_TRANSACTION_STATUSES, raw)) return 'UNKNOWN';
  const status: Gr4vyTransactionStatus = raw;
  switch (status) {
    case 'processing':
    case 'capture_pending':
    case 'authorization_void_pending':
      return 'PROCESSING';
    case 'buyer_approval_pending':
      return 'REQUIRES_ACTION';
    case 'authorization_succeeded':
      return 'AUTHORIZED';
    case 'capture_succeeded':
      return capturedMinor > 0 && capturedMinor < authorizedMinor ? 'PARTIALLY_CAPTURED' : 'CAPTURED';
    case 'authorization_declined':
      return 'DECLINED';
    case 'authorization_failed':
      return 'FAILED';
    case 'authorization_voided':
      return 'CANCELLED';
    default:
      return assertNever(status);
  }
}

/**
 * Gr4vy `RefundStatus` → the status of the refund transaction, on the same scale as payments:
 * a succeeded refund has moved its money (CAPTURED), a voided one was cancelled.
 */
export function mapGr4vyRefundStatus(raw: string): PaymentStatus {
  if (!isOneOf(GR4VY_REFUND_STATUSES, raw)) return 'UNKNOWN';
  const status: Gr4vyRefundStatus = raw;
  switch (status) {
    case 'processing':
      return 'PROCESSING';
    case 'succeeded':
      return 'CAPTURED';
    case 'failed':
      return 'FAILED';
    case 'declined':
      return 'DECLINED';
    case 'voided':
      return 'CANCELLED';
    default:
      return assertNever(status);
  }
}

export function transformGr4vyRefund(wire: Gr4vyRefund): Transaction {
  const currency = normalizeCurrency(wire.currency) ?? wire.currency.toUpperCase();
  return {
    id: wire.id,
    type: 'REFUND',
    status: mapGr4vyRefundStatus(wire.status),
    providerStatus: wire.status,
    amount: moneyFromMinorNumber(wire.amount, currency),
    createdAt: parseUtcTimestamp(wire.created_at),
    processorTransactionId: wire.payment_service_refund_id ?? undefined,
    reason: maskPansOptional(wire.reason),
  };
}

/**
 * The money movements the transaction body itself shows: its authorization (or sale, for
 * intent=capture), capture and void. Refunds live at /refunds and are added by the client.
 */
function derivedTransactions(
  wire: Gr4vyTransaction,
  status: PaymentStatus,
  amountOf: (minor: number | null | undefined) => Money | undefined,
): Transaction[] {
  const transactions: Transaction[] = [];
  const base = { providerStatus: wire.status, processorTransactionId: wire.payment_service_transaction_id ?? undefined };
  const authorized = wire.authorized_amount ?? 0;
  const captured = wire.captured_amount ?? 0;
  if (wire.intent === 'capture' && captured > 0) {
    transactions.push({ ...base, type: 'SALE', status, amount: amountOf(captured), createdAt: parseUtcTimestamp(wire.captured_at ?? wire.created_at) });
    return transactions;
  }
  if (authorized > 0) {
    transactions.push({ ...base, type: 'AUTHORIZATION', status: 'AUTHORIZED', amount: amountOf(authorized), createdAt: parseUtcTimestamp(wire.authorized_at ?? wire.created_at) });
  }
  if (captured > 0) {
    transactions.push({ ...base, type: 'CAPTURE', status, amount: amountOf(captured), createdAt: parseUtcTimestamp(wire.captured_at) });
  }
  if (wire.status === 'authorization_voided') {
    transactions.push({ ...base, type: 'VOID', status: 'CANCELLED', amount: amountOf(authorized), createdAt: parseUtcTimestamp(wire.voided_at) });
  }
  return transactions;
}

function cardOf(wire: Gr4vyTransaction): Card | undefined {
  const method = wire.payment_method;
  if (!method || (method.method !== 'card' && !method.scheme)) return undefined;
  const [month, year] = (method.expiration_date ?? '').split('/');
  return nonEmpty({
    network: normalizeCardNetwork(method.scheme),
    last4: cleanLast4(method.label),
    bin: cleanBin(method.details?.bin),
    expiryMonth: parseExpiryMonth(month),
    expiryYear: parseExpiryYear(year),
    funding: method.details?.card_type?.toUpperCase(),
    issuerCountry: method.country ?? undefined,
    issuerName: method.details?.card_issuer_name ?? undefined,
  });
}

function customerOf(wire: Gr4vyTransaction): Customer | undefined {
  const buyer = wire.buyer;
  if (!buyer) return undefined;
  const billing = buyer.billing_details;
  const billingName = [billing?.first_name, billing?.last_name].filter(Boolean).join(' ');
  return nonEmpty({
    id: buyer.external_identifier ?? buyer.id ?? undefined,
    email: billing?.email_address ?? undefined,
    name: buyer.display_name ?? (billingName || undefined),
    phone: billing?.phone_number ?? undefined,
  });
}
