import type { Money } from './money.js';

export type RefundState = 'NONE' | 'PARTIAL' | 'FULL';

/** Refund state derived from the amounts: full when everything captured has been refunded. */
export function refundState(captured: Money | undefined, refunded: Money | undefined): RefundState | undefined {
  if (!refunded) return undefined;
  if (refunded.minorUnits === 0n) return 'NONE';
  if (captured && refunded.minorUnits >= captured.minorUnits) return 'FULL';
  return 'PARTIAL';
}

/** Metadata values come as any JSON; only scalars are kept, as strings, in key order. */
export function metadataEntries(metadata: Readonly<Record<string, unknown>> | null | undefined) {
  if (!metadata) return undefined;
  const entries = Object.entries(metadata)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .map(([key, value]) => ({ key, value: String(value) }));
  return entries.length > 0 ? entries : undefined;
}
