/**
 * Shape rules every payment id must pass before it can reach a provider. Ids are opaque per
 * provider, so this checks only what could change the meaning of a URL or a log line; providers
 * add their own rules (Gr4vy ids are UUIDs) through `ProviderAdapter.idProblem`.
 */
export const MAX_PAYMENT_ID_LENGTH = 128;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const URL_SYNTAX = /[/?#\\%]/;
/** Half of a surrogate pair on its own: not Unicode text, and no URL or log can carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why an id is malformed, or undefined when it is acceptable. Never echoes the id itself. */
export function paymentIdProblem(id: string): string | undefined {
  if (id.length === 0 || id.trim().length === 0) return 'the id is empty';
  if (id.length > MAX_PAYMENT_ID_LENGTH) return `the id is longer than ${String(MAX_PAYMENT_ID_LENGTH)} characters`;
  if (CONTROL_CHARACTERS.test(id)) return 'the id contains control characters';
  if (LONE_SURROGATE.test(id)) return 'the id is not valid Unicode text';
  if (URL_SYNTAX.test(id)) return 'the id contains one of / ? # \\ %';
  if (id.includes('..')) return 'the id contains ".."';
  if (id !== id.trim()) return 'the id has leading or trailing spaces';
  return undefined;
}
