import type { Money } from './money.js';

export type RefundState = 'NONE' | 'PARTIAL' | 'FULL';

/** Refund state derived from the amounts: full when everything captured has been refunded. */
export function refundState(captured: Money | undefined, refunded: Money | undefined): RefundState | undefined {
  if (!refunded) return undefined;
  if (refunded.minorUnits === 0n) return 'NONE';
  if (captured && refunded.minorUnits >= captured.minorUnits) return 'FULL';
  return 'PARTIAL';
}
