import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { z } from 'zod';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../../errors/payment-lookup-error.js';
import { DecimalText } from '../../model/money.js';
import type { Provider } from '../../model/provider.js';
import type { HttpResponse } from './json-http-client.js';

/**
 * The generic meaning of an HTTP failure status; providers handle their documented exceptions
 * (Primer's 400 `PaymentError` = not found) before falling back to this.
 */
export function errorForStatus(provider: Provider, response: HttpResponse): PaymentLookupError {
  const { status } = response;
  const upstream = { upstreamStatus: status };
  if (status === 404) return lookupError(ErrorCode.PAYMENT_NOT_FOUND, provider, upstream);
  if (status === 401 || status === 403) return lookupError(ErrorCode.PROVIDER_AUTH_FAILED, provider, upstream);
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
    return lookupError(ErrorCode.PROVIDER_RATE_LIMITED, provider, {
      ...upstream,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  if (status === 408 || status === 504) return lookupError(ErrorCode.PROVIDER_TIMEOUT, provider, upstream);
  if (status >= 500) {
    return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, provider, { ...upstream, detail: `HTTP ${String(status)}` });
  }
  if (status >= 400) {
    return lookupError(ErrorCode.PROVIDER_REJECTED, provider, { ...upstream, detail: `HTTP ${String(status)}` });
  }
  return lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, { ...upstream, detail: `unexpected HTTP ${String(status)}` });
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | string[] | undefined, now: Date = new Date()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number.parseInt(value, 10);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/**
 * Parses a JSON body and validates it against the provider's wire schema. Wrong content type,
 * invalid JSON and schema mismatches all become PROVIDER_BAD_RESPONSE naming the provider.
 */
export function parseJsonBody<Schema extends z.ZodType>(
  provider: Provider,
  response: HttpResponse,
  schema: Schema,
): z.output<Schema> {
  const parsed = parseJson(provider, response);
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join('.') || 'body';
    throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, {
      upstreamStatus: response.status,
      detail: `unexpected shape at ${where}`,
    });
  }
  return result.data;
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
 * A run of 16 digits (or digits and a point): the only place a number can carry more digits than a
 * float keeps (2^53 has 16 digits). Bodies without one take the fast native parser.
 */
const LONG_NUMBER = /\d[\d.]{15}/;

/**
 * JSON.parse, except that no number loses a digit: Primer's amounts are int64 in its spec, and a
 * KuikPOS major-unit amount can carry more significant digits than a float. Numbers a float holds
 * exactly stay numbers; longer integers become bigints, longer decimals `DecimalText`.
 */
export function parseJsonText(text: string): unknown {
  if (!LONG_NUMBER.test(text)) return JSON.parse(text);
  return parseLossless(text, null, (digits) => {
    if (isSafeNumber(digits)) return Number(digits);
    return isInteger(digits) ? BigInt(digits) : new DecimalText(digits);
  });
}
