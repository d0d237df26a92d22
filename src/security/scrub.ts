import { maskPans } from './pan.js';

const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g;
/** A PEM key, raw or JSON-escaped (its trailing `\n` escape included); unterminated, up to the end. */
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----(?:\\n)?|$)/g;

/**
 * Last line of defence for text leaving the service (log lines, error messages): masks card
 * numbers and removes JWTs and PEM private keys, wherever they appear.
 */
export function scrubSecrets(text: string): string {
  return maskPans(text)
    .replace(PEM_BLOCK, '[private key redacted]')
    .replace(JWT, '[jwt redacted]');
}
