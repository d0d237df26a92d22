/**
 * The unified payment status: hyperswitch's merchant-facing IntentStatus reduced to what the five
 * providers can express, with FAILED split into DECLINED (issuer/processor refusal) and FAILED
 * (technical), because Primer and Gr4vy keep that distinction.
 * See ../shared/providers/PROVIDERS.md "Proposed unified status enum" and STATUS-MODEL.md.
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
 * Whether the status can no longer change by itself. Mirrors hyperswitch's
 * `IntentStatus::is_in_terminal_state` (Succeeded, Failed, Cancelled, PartiallyCaptured, Expired).
 * A final payment can still be refunded; refunds show in the amounts, not the status.
 */
export function isFinalStatus(status: PaymentStatus): boolean {
  switch (status) {
    case 'CAPTURED':
    case 'PARTIALLY_CAPTURED':
    case 'CANCELLED':
    case 'DECLINED':
    case 'FAILED':
    case 'EXPIRED':
      return true;
    case 'REQUIRES_PAYMENT_METHOD':
    case 'REQUIRES_CONFIRMATION':
    case 'REQUIRES_ACTION':
    case 'PROCESSING':
    case 'AUTHORIZED':
    case 'UNKNOWN':
      return false;
    default:
      return assertNever(status);
  }
}

/** Compile-time exhaustiveness: a new enum member makes every switch that forgot it fail the typecheck. */
export function assertNever(value: never): never {
  throw new TypeError(`Unhandled value: ${String(value)}`);
}

/** Narrows a raw provider string to one of a provider's documented values, so unknown values can map to UNKNOWN. */
export function isOneOf<T extends string>(values: readonly T[], raw: string): raw is T {
  return (values as readonly string[]).includes(raw);
}
