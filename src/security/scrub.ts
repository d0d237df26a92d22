import { maskPans } from './pan.js';
import { heldSecretValues } from './secret.js';

/**
 * The one outgoing filter: every string the service sends (GraphQL string fields, error messages and
 * extensions, every log value) passes through `scrubText`. It masks card numbers wherever they stand,
 * removes this service's own credentials, JWTs and PEM private keys. Money fields are not strings of
 * the schema's String type (Int64, the Money decimal) and are never touched.
 */

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g;
/** A PEM key, raw or JSON-escaped (its trailing `\n` escape included); unterminated, up to the end. */
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----(?:\\n)?|$)/g;
/** Cheap pre-checks, so the common string (no long digit run, no token) costs one scan. */
const MAYBE_SENSITIVE = /\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d|eyJ|-----BEGIN/;

export function scrubText(text: string): string {
  let result = text;
  for (const secret of heldSecretValues()) {
    if (result.includes(secret)) result = result.split(secret).join('[redacted]');
  }
  if (!MAYBE_SENSITIVE.test(result)) return result;
  return maskPans(result.replace(PEM_BLOCK, '[private key redacted]').replace(JWT, '[jwt redacted]'));
}

/** Every string inside a JSON-like value, scrubbed; other values as they are. Linear in the value's size. */
export function scrubDeep(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubDeep(inner)]));
  }
  return value;
}
