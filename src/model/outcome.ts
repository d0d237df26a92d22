import type { AmountDiscrepancy, RefundState } from './refunds.js';
import { assertNever } from './exhaustive.js';
import type { PaymentStatus } from './status.js';

/**
 * What the payment means for the order, in one value, for the shop's "ship it / refund it / wait"
 * decision: a frontend switches on this without reading amounts. It never says more than the
 * status, the finality and the refund facts it is derived from.
 */
export type PaymentOutcome = 'PENDING' | 'AUTHORIZED' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'NOT_PAID' | 'NEEDS_REVIEW';

export interface OutcomeFacts {
  readonly status: PaymentStatus;
  readonly isFinal: boolean;
  readonly refundState?: RefundState | undefined;
  readonly discrepancies: readonly AmountDiscrepancy[];
}

export function paymentOutcome(facts: OutcomeFacts): PaymentOutcome {
  // The provider's amounts contradict each other: a person should look before anyone acts on them.
  if (facts.discrepancies.length > 0 || facts.refundState === 'INCONSISTENT') return 'NEEDS_REVIEW';
  if (facts.refundState === 'FULL') return 'REFUNDED';
  if (facts.refundState === 'PARTIAL') return 'PARTIALLY_REFUNDED';
  switch (facts.status) {
    case 'CAPTURED':
    case 'PARTIALLY_CAPTURED':
      return 'PAID';
    case 'AUTHORIZED':
      return 'AUTHORIZED';
    case 'CANCELLED':
    case 'DECLINED':
    case 'FAILED':
    case 'EXPIRED':
      // Not final (e.g. a void that may still be retried): the money question is still open.
      return facts.isFinal ? 'NOT_PAID' : 'PENDING';
    case 'REQUIRES_PAYMENT_METHOD':
    case 'REQUIRES_CONFIRMATION':
    case 'REQUIRES_ACTION':
    case 'PROCESSING':
    case 'UNKNOWN':
      return 'PENDING';
    default:
      return assertNever(facts.status);
  }
}
