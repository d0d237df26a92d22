import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { z } from 'zod';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../../errors/payment-lookup-error.js';
import { errorForUpstreamStatus } from '../upstream-status.js';
import { DecimalText } from '../../model/money.js';
import type { Provider } from '../../model/provider.js';
import type { HttpResponse } from './json-http-client.js';

/** A failed HTTP exchange read by the shared status table, with the provider's Retry-After. */
export function errorForStatus(provider: Provider, response: HttpResponse): PaymentLookupError {
  return errorForUpstreamStatus(provider, response.status, { retryAfterSeconds: parseRetryAfter(response.headers['retry-after']) });
}

/** The longest wait passed on to clients; a provider's `Retry-After: 99999999999999999999` is not a number to repeat. */
export const MAX_RETRY_AFTER_SECONDS = 3_600;

/** Retry-After as whole seconds, at most an hour: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | string[] | undefined, now: Date = new Date()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const clamp = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
  if (/^\d+$/.test(value.trim())) return clamp(Number(value.trim()));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return clamp(Math.ceil((date - now.getTime()) / 1000));
}

/** A body read against its wire schema, with the parts that did not fit it. */
export interface ParsedBody<Wire> {
  readonly wire: Wire;
  /** Paths (never values) of fields left out because they did not match the documented shape. */
  readonly dropped: readonly string[];
}

/** Rounds of leaving out mismatched fields (each can reveal issues inside what stayed) before the body counts as unreadable. */
const MAX_PRUNING_ROUNDS = 3;

/**
 * Parses a JSON body and validates it against the provider's wire schema. Wrong content type and
 * invalid JSON are PROVIDER_BAD_RESPONSE naming the provider. So is a schema mismatch in an
 * `essential` top-level field (the ones that define the payment: id, status, amount, currency);
 * a mismatch anywhere else is left out and named in `dropped`, so one odd secondary field (a
 * commission, a card label) never sinks the payment.
 */
export function parseJsonBody<Schema extends z.ZodType>(
  provider: Provider,
  response: HttpResponse,
  schema: Schema,
  options: { readonly essential?: readonly string[]; readonly prepare?: (body: unknown) => unknown } = {},
): ParsedBody<z.output<Schema>> {
  // Without an `essential` list every field is: any mismatch makes the body unreadable.
  const tolerant = options.essential !== undefined;
  const essential = new Set(options.essential ?? []);
  let body = parseJson(provider, response);
  if (options.prepare) body = options.prepare(body);
  const dropped: string[] = [];
  for (let round = 0; ; round += 1) {
    const result = schema.safeParse(body);
    if (result.success) return { wire: result.data, dropped };
    const unreadable = (path: readonly PropertyKey[]) =>
      lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, { upstreamStatus: response.status, detail: `unexpected shape at ${path.join('.') || 'body'}` });
    const paths = result.error.issues.map((issue) => issue.path);
    const fatal = paths.find((path) => !tolerant || path.length === 0 || essential.has(String(path[0])) || round >= MAX_PRUNING_ROUNDS);
    if (fatal) throw unreadable(fatal);
    // Last issue first, so that leaving out an array item does not shift the others' indices.
    for (const path of paths.reverse()) {
      const left = leaveOut(body, path);
      if (left === undefined) throw unreadable(path);
      dropped.push(left.join('.'));
    }
  }
}

/**
 * Removes the value at `path`; where there is nothing there (a required field is missing), the
 * object that lacks it goes instead. Returns the path removed, or undefined when only the whole
 * body could be.
 */
function leaveOut(body: unknown, path: readonly PropertyKey[]): readonly PropertyKey[] | undefined {
  if (path.length <= 1 && !(path.length === 1 && isObject(body) && Object.hasOwn(body, path[0]!))) return undefined;
  let holder: unknown = body;
  for (const key of path.slice(0, -1)) holder = isObject(holder) ? holder[key as string] : undefined;
  const last = path.at(-1)!;
  if (!isObject(holder) || !Object.hasOwn(holder, last)) return leaveOut(body, path.slice(0, -1));
  if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
  else Reflect.deleteProperty(holder, last);
  return path;
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Like `parseJsonBody` but for error bodies: a body we cannot read yields undefined, not an error. */
export function tryParseJsonBody<Schema extends z.ZodType>(
  response: HttpResponse,
  schema: Schema,
): z.output<Schema> | undefined {
  if (!isJsonContentType(response.headers['content-type'])) return undefined;
  try {
    const result = schema.safeParse(parseJsonText(response.text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(provider: Provider, response: HttpResponse): unknown {
  if (!isJsonContentType(response.headers['content-type'])) {
    throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, {
      upstreamStatus: response.status,
      detail: 'the response is not JSON',
    });
  }
  try {
    return parseJsonText(response.text);
  } catch (cause) {
    throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, {
      upstreamStatus: response.status,
      detail: 'the response body is not valid JSON',
      cause,
    });
  }
}

function isJsonContentType(header: string | string[] | undefined): boolean {
  const value = (Array.isArray(header) ? header[0] : header)?.toLowerCase() ?? '';
  const mediaType = value.split(';')[0]?.trim() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * A number of 16 digits or more (digits and a point): the only place a number can carry more digits
 * than a float keeps (2^53 has 16 digits). A JSON number only ever starts a value: the text itself, or
 * after `:`, `,` or `[`, with optional whitespace (RFC 8259 §2), so a long run of digits inside a string (OrcaRail's
 * on-chain hashes, `0x9f2c…`) does not count; a string that itself reads `:1234567890123456` merely
 * takes the slower exact parser. Bodies without one take the fast native parser.
 */
const LONG_NUMBER = /(?:^|[:,[])\s*-?\d[\d.]{15}/;

/** Whether `text` may hold a number that JSON.parse would round. */
export function mayHoldLongNumber(text: string): boolean {
  return LONG_NUMBER.test(text);
}

/**
 * JSON.parse, except that no number loses a digit: Primer's amounts are int64 in its spec, and a
 * KuikPOS major-unit amount can carry more significant digits than a float. Numbers a float holds
 * exactly stay numbers; longer integers become bigints, longer decimals `DecimalText`.
 */
export function parseJsonText(text: string): unknown {
  if (!mayHoldLongNumber(text)) return JSON.parse(text);
  return parseLossless(text, null, (digits) => {
    if (isSafeNumber(digits)) return Number(digits);
    return isInteger(digits) ? BigInt(digits) : new DecimalText(digits);
  });
}
