import { sameCurrency, type Money } from './money.js';

/** How much of what was captured has gone back to the buyer. */
export type RefundState = 'NONE' | 'PARTIAL' | 'FULL' | 'INCONSISTENT';

/**
 * Amounts a provider reported that contradict each other. Surfaced to clients as they are (and
 * `outcome: NEEDS_REVIEW`), never folded into a tidy answer such as `FULL`.
 */
export type AmountDiscrepancy =
  /** The refund totals exceed the captured amount. */
  | 'REFUNDED_MORE_THAN_CAPTURED'
  /** A refund is in another currency than the capture, so the two cannot be compared. */
  | 'REFUND_IN_OTHER_CURRENCY'
  /** Two of the provider's own refund sources (e.g. processor totals and refund transactions) disagree. */
  | 'REFUND_SOURCES_DISAGREE'
  /** More was captured than authorized. */
  | 'CAPTURED_MORE_THAN_AUTHORIZED';

/** What a provider's body says about refunds, from every source it offers. */
export interface RefundEvidence {
  readonly authorized?: Money | undefined;
  readonly captured?: Money | undefined;
  /**
   * Each source's refunded total, where the source is present (Primer: processor totals, and the sum
   * of its settled REFUND transactions). An empty list means the provider reports no refunds at all.
   */
  readonly refundTotals: readonly Money[];
  /** The status itself says everything captured went back (UCS `AUTO_REFUNDED`). */
  readonly fullyRefundedByStatus?: boolean;
}

export interface RefundSummary {
  readonly refundedAmount?: Money;
  readonly refundState?: RefundState;
  readonly discrepancies: readonly AmountDiscrepancy[];
}

/**
 * One reading of refunds that every provider shares, so `refundedAmount`, `refundState` and the
 * discrepancies always agree with each other. Where two sources disagree the larger total is kept:
 * each is the provider's own statement that money went back, and hiding one would hide a refund.
 */
export function summarizeRefunds(evidence: RefundEvidence): RefundSummary {
  const discrepancies: AmountDiscrepancy[] = [];
  const { authorized, captured, refundTotals } = evidence;
  if (authorized && captured && sameCurrency(authorized, captured) && captured.minorUnits > authorized.minorUnits) {
    discrepancies.push('CAPTURED_MORE_THAN_AUTHORIZED');
  }
  const [first, ...others] = refundTotals;
  if (!first) {
    if (!evidence.fullyRefundedByStatus) return { discrepancies };
    return { ...(captured ? { refundedAmount: captured } : {}), refundState: 'FULL', discrepancies };
  }
  const reference = captured ?? first;
  if (refundTotals.some((total) => !sameCurrency(total, reference))) {
    discrepancies.push('REFUND_IN_OTHER_CURRENCY');
    return { refundedAmount: first, refundState: 'INCONSISTENT', discrepancies };
  }
  const refunded = others.reduce((largest, total) => (total.minorUnits > largest.minorUnits ? total : largest), first);
  if (others.some((total) => total.minorUnits !== first.minorUnits)) discrepancies.push('REFUND_SOURCES_DISAGREE');
  return { refundedAmount: refunded, refundState: refundStateOf(refunded, captured, evidence, discrepancies), discrepancies };
}

function refundStateOf(
  refunded: Money,
  captured: Money | undefined,
  evidence: RefundEvidence,
  discrepancies: AmountDiscrepancy[],
): RefundState | undefined {
  if (captured && refunded.minorUnits > captured.minorUnits) {
    discrepancies.push('REFUNDED_MORE_THAN_CAPTURED');
    return 'INCONSISTENT';
  }
  if (evidence.fullyRefundedByStatus) return 'FULL';
  if (refunded.minorUnits === 0n) return 'NONE';
  // Without a captured amount, "all of it" cannot be claimed: that a refund happened can.
  if (!captured) return 'PARTIAL';
  return refunded.minorUnits === captured.minorUnits ? 'FULL' : 'PARTIAL';
}
