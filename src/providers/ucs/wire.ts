import { currencyExponent } from '../../model/currency.js';
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
 * statuses by `capture_method` (Adyen `Authorised` is AUTHORIZED only under MANUAL) — PROVIDERS.md
 * pitfalls 3 and 7. The subgraph stores nothing, so the caller carries them in the payment id.
 */
export interface UcsLookup {
  readonly connectorTransactionId: string;
  readonly minorAmount: bigint;
  readonly currency: string;
  readonly captureMethod?: UcsCaptureMethod;
}

/**
 * UCS payment ids: `<connector transaction id>~<amount in minor units>~<ISO currency>[~<capture method>]`,
 * e.g. `pi_3OxQ2…~1000~USD~MANUAL`. One string serves the `payment` query, `payments` refs and the
 * `Payment` entity key the gateway sends, so every path can supply what UCS requires.
 */
export const UCS_ID_FORMAT = '<connector transaction id>~<amount in minor units>~<ISO 4217 currency>[~MANUAL|AUTOMATIC|…]';

const INT64_MAX = 2n ** 63n - 1n;

export function parseUcsPaymentId(id: string): UcsLookup | { problem: string } {
  const parts = id.split('~');
  const last = parts.at(-1) ?? '';
  const captureMethod = isCaptureMethod(last) ? (parts.pop() as UcsCaptureMethod) : undefined;
  const currency = parts.pop() ?? '';
  const minor = parts.pop() ?? '';
  const connectorTransactionId = parts.join('~');
  const problem = `UCS payment ids carry the amount UCS requires: ${UCS_ID_FORMAT}`;
  if (!connectorTransactionId || !/^\d{1,19}$/.test(minor) || BigInt(minor) > INT64_MAX) return { problem };
  if (!(currency in Currency) || currency === 'CURRENCY_UNSPECIFIED' || currencyExponent(currency) === undefined) {
    return { problem: `${problem} (unknown currency)` };
  }
  return { connectorTransactionId, minorAmount: BigInt(minor), currency, ...(captureMethod ? { captureMethod } : {}) };
}

function isCaptureMethod(value: string): boolean {
  return value in CaptureMethod && value !== 'CAPTURE_METHOD_UNSPECIFIED';
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
    amount: { minor_amount: lookup.minorAmount.toString(), currency: lookup.currency as keyof typeof Currency },
    ...(lookup.captureMethod ? { capture_method: lookup.captureMethod } : {}),
  };
}
