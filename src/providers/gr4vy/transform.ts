import { metadataEntries } from '../../model/metadata.js';
import { cleanBin, cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { currencyCode } from '../../model/currency.js';
import { moneyFromMinor, optionalMoney, type ExactNumber, type Money } from '../../model/money.js';
import type { Card, Customer, Payment, PaymentAmountField, Transaction } from '../../model/payment.js';
import { AmountReader } from '../../model/readable-amounts.js';
import { summarizeRefunds } from '../../model/refunds.js';
import { assertNever } from '../../model/exhaustive.js';
import { final, isOneOf, notFinal, type PaymentStatus, type StatusReading } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import type { TransformContext } from '../transform-context.js';
import {
  GR4VY_REFUND_STATUSES,
  GR4VY_TRANSACTION_STATUSES,
  type Gr4vyRefund,
  type Gr4vyRefundStatus,
  type Gr4vyTransaction,
  type Gr4vyTransactionStatus,
} from './wire.js';

/** Pure: Gr4vy's transaction body → the unified Payment. */
export function transformGr4vyTransaction(wire: Gr4vyTransaction, context: TransformContext): Payment {
  // The spec's pattern is `^[A-Z]{3}$`, so a code that is not ISO 4217 is spec-valid: its amounts are unreadable, never a guessed 2 decimals.
  const currency = currencyCode(wire.currency);
  const amounts = new AmountReader<PaymentAmountField>();
  const minor = (value: ExactNumber | null | undefined) => optionalMoney(value, currency, moneyFromMinor);
  const amount = amounts.read('amount', () => minor(wire.amount));
  const authorizedAmount = amounts.read('authorizedAmount', () => minor(wire.authorized_amount));
  const capturedAmount = amounts.read('capturedAmount', () => minor(wire.captured_amount));
  const refundedAmount = amounts.read('refundedAmount', () => minor(wire.refunded_amount));
  const reading = readGr4vyStatus(wire.status, capturedAmount, authorizedAmount ?? amount);
  const isFailure = reading.status === 'DECLINED' || reading.status === 'FAILED';
  const refunds = summarizeRefunds({ authorized: authorizedAmount, captured: capturedAmount, refundTotals: refundedAmount ? [refundedAmount] : [] });

  return {
    id: context.id,
    provider: 'GR4VY',
    ...reading,
    providerStatus: wire.status,
    amount,
    amountSource: 'PROVIDER',
    authorizedAmount,
    capturedAmount,
    ...refunds,
    unreadable: amounts.unreadable,
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
    transactions: derivedTransactions(wire, reading.status, authorizedAmount, capturedAmount),
    // Refunds are a separate endpoint (/transactions/{id}/refunds), read only when selected.
    transactionsElsewhere: true,
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
 * Gr4vy `TransactionStatus` (spec `TransactionStatus`) → unified status and finality. Gr4vy has no
 * partial-capture status, and its amounts decide what `capture_succeeded` proves:
 * - nothing captured (`captured_amount` 0 or unreadable): the capture is not proven, so AUTHORIZED;
 * - less than authorized: PARTIALLY_CAPTURED, not final, since Gr4vy allows further captures until
 *   one is marked `final` (spec `Capture.final`, on the separate /captures endpoint);
 * - the authorized amount (or more, a discrepancy): CAPTURED, final.
 * `authorized` is `authorized_amount`, which "can be less than the `amount` if gift cards were used".
 */
export function readGr4vyStatus(raw: string, captured: Money | undefined, authorized: Money | undefined): StatusReading {
  if (!isOneOf(GR4VY_TRANSACTION_STATUSES, raw)) return notFinal('UNKNOWN');
  const status: Gr4vyTransactionStatus = raw;
  switch (status) {
    case 'processing':
    case 'capture_pending':
    case 'authorization_void_pending':
      return notFinal('PROCESSING');
    case 'buyer_approval_pending':
      return notFinal('REQUIRES_ACTION');
    case 'authorization_succeeded':
      return notFinal('AUTHORIZED');
    case 'capture_succeeded':
      if (!captured || captured.minorUnits === 0n) return notFinal('AUTHORIZED');
      if (!authorized) return notFinal('CAPTURED');
      return captured.minorUnits < authorized.minorUnits ? notFinal('PARTIALLY_CAPTURED') : final('CAPTURED');
    case 'authorization_declined':
      return final('DECLINED');
    case 'authorization_failed':
      return final('FAILED');
    case 'authorization_voided':
      return final('CANCELLED');
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
  const amounts = new AmountReader<'amount'>();
  return {
    id: wire.id,
    type: 'REFUND',
    status: mapGr4vyRefundStatus(wire.status),
    providerStatus: wire.status,
    amount: amounts.read('amount', () => optionalMoney(wire.amount, currencyCode(wire.currency), moneyFromMinor)),
    unreadable: amounts.unreadable,
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
  authorized: Money | undefined,
  captured: Money | undefined,
): Transaction[] {
  const transactions: Transaction[] = [];
  const base = { providerStatus: wire.status, processorTransactionId: wire.payment_service_transaction_id ?? undefined };
  const hasCapture = captured !== undefined && captured.minorUnits > 0n;
  if (wire.intent === 'capture' && hasCapture) {
    transactions.push({ ...base, type: 'SALE', status, amount: captured, createdAt: parseUtcTimestamp(wire.captured_at ?? wire.created_at) });
    return transactions;
  }
  if (authorized !== undefined && authorized.minorUnits > 0n) {
    transactions.push({ ...base, type: 'AUTHORIZATION', status: 'AUTHORIZED', amount: authorized, createdAt: parseUtcTimestamp(wire.authorized_at ?? wire.created_at) });
  }
  if (hasCapture) {
    transactions.push({ ...base, type: 'CAPTURE', status, amount: captured, createdAt: parseUtcTimestamp(wire.captured_at) });
  }
  if (wire.status === 'authorization_voided') {
    transactions.push({ ...base, type: 'VOID', status: 'CANCELLED', amount: authorized, createdAt: parseUtcTimestamp(wire.voided_at) });
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
