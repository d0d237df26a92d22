import { UCS_CURRENCIES } from './currencies.js';
import { CaptureMethod } from './__generated__/types/CaptureMethod.js';
import { Currency } from './__generated__/types/Currency.js';
import type { PaymentServiceGetRequest } from './__generated__/types/PaymentServiceGetRequest.js';
import type { PaymentServiceGetResponse__Output } from './__generated__/types/PaymentServiceGetResponse.js';

export type UcsGetResponse = PaymentServiceGetResponse__Output;
export type UcsGetRequest = PaymentServiceGetRequest;
export type UcsCaptureMethod = Exclude<keyof typeof CaptureMethod, 'CAPTURE_METHOD_UNSPECIFIED'>;

/**
 * What a UCS `Get` needs besides the connector's transaction id. connector-service rejects a Get
 * without `amount` and a real currency, echoes that amount back, and maps some connectors'
 * statuses by `capture_method` (Adyen `Authorised` is AUTHORIZED only under MANUAL, CHARGED under
 * AUTOMATIC) — docs/providers.md, UCS. The subgraph stores nothing, so the caller carries
 * them in the payment id.
 */
export interface UcsLookup {
  readonly connectorTransactionId: string;
  readonly minorAmount: bigint;
  readonly currency: UcsCurrency;
  /** What is sent: the id's capture method, or MANUAL when it names none (see `UCS_ID_FORMAT`). */
  readonly captureMethod: UcsCaptureMethod;
}

export type UcsCurrency = Exclude<keyof typeof Currency, 'CURRENCY_UNSPECIFIED'>;

/**
 * UCS payment ids: `<connector transaction id>~<amount in minor units>~<currency>[~<capture method>]`,
 * e.g. `pi_3OxQ2…~1000~USD~AUTOMATIC`. One string serves the `payment` query, `payments` refs and the
 * `Payment` entity key the gateway sends, so every path can supply what UCS requires.
 *
 * One spelling per payment: the amount without leading zeros, the currency as connector-service's
 * enum spells it, and no `~MANUAL`. An id without a capture method is read under MANUAL: where the
 * capture method changes a connector's answer, MANUAL never reports an authorization as CHARGED
 * (connector-service itself defaults to AUTOMATIC, which would), so the safe reading needs no suffix
 * and `~MANUAL` would only be a second spelling of the same payment.
 */
export const UCS_ID_FORMAT = '<connector transaction id>~<amount in minor units>~<currency>[~AUTOMATIC|~SEQUENTIAL_AUTOMATIC|~MANUAL_MULTIPLE|~SCHEDULED]';

const INT64_MAX = 2n ** 63n - 1n;
/** Minor units as one canonical integer: `0`, or digits without a leading zero. */
const CANONICAL_MINOR = /^(?:0|[1-9]\d{0,18})$/;

/** The capture methods an id may name: MANUAL is what an id without one means. */
const NAMED_CAPTURE_METHODS: ReadonlySet<string> = new Set(['AUTOMATIC', 'SEQUENTIAL_AUTOMATIC', 'MANUAL_MULTIPLE', 'SCHEDULED'] satisfies UcsCaptureMethod[]);

function isUcsCurrency(value: string): value is UcsCurrency {
  return Object.hasOwn(Currency, value) && value !== 'CURRENCY_UNSPECIFIED' && UCS_CURRENCIES.exponentOf(value) !== undefined;
}

export function parseUcsPaymentId(id: string): UcsLookup | { problem: string } {
  const parts = id.split('~');
  const format = `UCS payment ids carry the amount UCS requires: ${UCS_ID_FORMAT}`;
  let captureMethod: UcsCaptureMethod = 'MANUAL';
  const last = parts.at(-1) ?? '';
  if (parts.length >= 4 && !isUcsCurrency(last)) {
    if (last === 'MANUAL') return { problem: `${format} (an id without a capture method is read as MANUAL: leave ~MANUAL out)` };
    if (!NAMED_CAPTURE_METHODS.has(last)) return { problem: `${format} (unknown capture method)` };
    captureMethod = last as UcsCaptureMethod;
    parts.pop();
  }
  const currency = parts.pop() ?? '';
  const minor = parts.pop() ?? '';
  const connectorTransactionId = parts.join('~');
  if (!connectorTransactionId || !CANONICAL_MINOR.test(minor) || BigInt(minor) > INT64_MAX) return { problem: format };
  // Connector ids (Stripe `pi_…`, Adyen's 16 digits) are plain tokens; `~` separates a multi-part one.
  if (!/^[A-Za-z0-9_.:~-]+$/.test(connectorTransactionId) || /^[.~]+$/.test(connectorTransactionId)) {
    return { problem: `${format} (the connector transaction id may contain only letters, digits and _ . : -)` };
  }
  if (!isUcsCurrency(currency)) return { problem: `${format} (the currency must be one connector-service knows, in upper case)` };
  return { connectorTransactionId, minorAmount: BigInt(minor), currency, captureMethod };
}

/**
 * An enum field as a string. With `enums: String` known values arrive as their names, but a value
 * added on the server after this proto was vendored arrives as its number.
 */
export function enumName(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

export function ucsGetRequest(lookup: UcsLookup): UcsGetRequest {
  return {
    connector_transaction_id: lookup.connectorTransactionId,
    amount: { minor_amount: lookup.minorAmount.toString(), currency: lookup.currency },
    capture_method: lookup.captureMethod,
  };
}
