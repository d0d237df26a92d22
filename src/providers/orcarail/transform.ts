import { metadataEntries } from '../../model/metadata.js';
import { normalizeCurrency } from '../../model/currency.js';
import { moneyFromMajorDecimal, type Money } from '../../model/money.js';
import type { Payment, Transaction } from '../../model/payment.js';
import { assertNever, isOneOf, type PaymentStatus } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import { ORCARAIL_STATUSES, type OrcarailIntent, type OrcarailStatus } from './wire.js';

export interface TransformContext {
  /** Also "now" for deciding whether the intent has expired. */
  readonly fetchedAt: Date;
}

/** Pure: OrcaRail's payment intent → the unified Payment. */
export function transformOrcarailIntent(wire: OrcarailIntent, context: TransformContext): Payment {
  const currency = wire.currency ? normalizeCurrency(wire.currency) : undefined;
  const amountOf = (decimal: string | null | undefined, code = currency): Money | undefined =>
    code !== undefined && decimal != null ? moneyFromMajorDecimal(decimal, code) : undefined;
  const expiresAt = parseUtcTimestamp(wire.expiresAt);
  const status = mapOrcarailStatus(wire.status, expiresAt, context.fetchedAt);
  const amount = amountOf(wire.amount);
  const captured = status === 'CAPTURED';
  const zero = currency === undefined ? undefined : moneyFromMajorDecimal('0', currency);

  return {
    id: wire.id,
    provider: 'ORCARAIL',
    status,
    providerStatus: wire.status,
    amount,
    // A crypto transfer has no separate authorization: it is captured when it succeeds.
    authorizedAmount: captured ? amount : undefined,
    capturedAmount: captured ? amount : zero,
    orderId: metadataString(wire.metadata, 'order_id') ?? metadataString(wire.metadata, 'orderId'),
    customer: metadataString(wire.metadata, 'customer_id') ? { id: metadataString(wire.metadata, 'customer_id') } : undefined,
    paymentMethodType: wire.paymentMethodTypes?.join(',') || undefined,
    description: maskPansOptional(wire.description),
    processor: { name: 'ORCARAIL', transactionId: wire.latestTransaction?.id ?? undefined },
    transactions: wire.latestTransaction ? [latestTransaction(wire.latestTransaction, amountOf, currency)] : [],
    // While the intent waits for the buyer, the payment link is where they go next.
    nextAction:
      (status === 'REQUIRES_PAYMENT_METHOD' || status === 'REQUIRES_CONFIRMATION') && wire.paymentLink?.link
        ? { type: 'PAYMENT_LINK', url: wire.paymentLink.link, description: 'The buyer pays through this link' }
        : undefined,
    metadata: metadataEntries(wire.metadata),
    createdAt: parseUtcTimestamp(wire.createdAt),
    updatedAt: parseUtcTimestamp(wire.updatedAt),
    fetchedAt: context.fetchedAt,
  };
}

/**
 * OrcaRail intent status → unified status. `succeeded` (intent) and `completed` (webhooks,
 * transactions) both mean the funds arrived. An intent whose `expiresAt` has passed without
 * succeeding or being cancelled reads as EXPIRED: OrcaRail has no status for it.
 */
export function mapOrcarailStatus(raw: string, expiresAt: Date | undefined, now: Date): PaymentStatus {
  if (!isOneOf(ORCARAIL_STATUSES, raw)) return 'UNKNOWN';
  const status: OrcarailStatus = raw;
  const expired = expiresAt !== undefined && expiresAt.getTime() <= now.getTime();
  switch (status) {
    case 'succeeded':
    case 'completed':
      return 'CAPTURED';
    case 'canceled':
      return 'CANCELLED';
    case 'requires_payment_method':
      return expired ? 'EXPIRED' : 'REQUIRES_PAYMENT_METHOD';
    case 'requires_confirmation':
      return expired ? 'EXPIRED' : 'REQUIRES_CONFIRMATION';
    case 'processing':
      return expired ? 'EXPIRED' : 'PROCESSING';
    default:
      return assertNever(status);
  }
}

function latestTransaction(
  wire: NonNullable<OrcarailIntent['latestTransaction']>,
  amountOf: (decimal: string | null | undefined, code?: string) => Money | undefined,
  intentCurrency: string | undefined,
): Transaction {
  const currency = (wire.currency ? normalizeCurrency(wire.currency) : undefined) ?? intentCurrency;
  return {
    id: wire.id ?? undefined,
    type: 'SALE',
    status: wire.status ? mapOrcarailStatus(wire.status, undefined, new Date(0)) : undefined,
    providerStatus: wire.status ?? undefined,
    amount: amountOf(wire.amount, currency),
    createdAt: parseUtcTimestamp(wire.createdAt),
    blockchainHash: wire.hash ?? undefined,
  };
}

function metadataString(metadata: Readonly<Record<string, unknown>> | null | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
