/**
 * The unified payment status: hyperswitch's merchant-facing IntentStatus reduced to what the five
 * providers can express, with FAILED split into DECLINED (issuer/processor refusal) and FAILED
 * (technical), because Primer and Gr4vy keep that distinction.
 * Each provider's mapping, value by value and why, is in the README ("Status, finality and refunds").
 */
export const PAYMENT_STATUSES = [
  'REQUIRES_PAYMENT_METHOD',
  'REQUIRES_CONFIRMATION',
  'REQUIRES_ACTION',
  'PROCESSING',
  'AUTHORIZED',
  'PARTIALLY_CAPTURED',
  'CAPTURED',
  'CANCELLED',
  'DECLINED',
  'FAILED',
  'EXPIRED',
  'UNKNOWN',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A provider's status read onto the unified scale, with whether it can still change. Finality is
 * the provider's own fact (its capture flags, what is left to capture, pending settlement), decided
 * in each provider's transform: the same unified status can be final for one provider and not for
 * another (a Gr4vy partial capture may be followed by more; a UCS `PARTIAL_CHARGED` may not). A
 * final payment can still be refunded; refunds show in `refundState`, not here.
 */
export interface StatusReading {
  readonly status: PaymentStatus;
  readonly isFinal: boolean;
}

/** Shorthands for the readings the transforms' tables are written in. */
export const final = (status: PaymentStatus): StatusReading => ({ status, isFinal: true });
export const notFinal = (status: PaymentStatus): StatusReading => ({ status, isFinal: false });

/** Narrows a raw provider string to one of a provider's documented values, so unknown values can map to UNKNOWN. */
export function isOneOf<T extends string>(values: readonly T[], raw: string): raw is T {
  return (values as readonly string[]).includes(raw);
}
