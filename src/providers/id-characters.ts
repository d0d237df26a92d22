/**
 * The characters a provider's own ids are made of: an allow-list per provider on top of the shared
 * shape rules (src/loading/payment-id.ts), so that `.`, bidirectional controls, zero-width or
 * fullwidth look-alikes never reach a provider's URL path. Primer's ids are short base62 strings,
 * KuikPOS's and OrcaRail's UUIDs or `pi_…`-style tokens; the simulators' sample ids use `_`.
 */
const TOKEN = /^[A-Za-z0-9_-]+$/;

export function tokenIdProblem(id: string): string | undefined {
  return TOKEN.test(id) ? undefined : 'the id may contain only letters, digits, _ and -';
}
