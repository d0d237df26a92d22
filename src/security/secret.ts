import { timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/** Shorter values would also match ordinary text; no credential this service holds is that short. */
const MIN_FILTERED_LENGTH = 8;

/** Every credential value this process holds, so outgoing text can be cleaned of them (see scrub.ts). */
const HELD: Set<string> = new Set();
let longestFirst: readonly string[] = [];

/** The credential values held, longest first (a key inside a longer secret is removed with it). */
export function heldSecretValues(): readonly string[] {
  return longestFirst;
}

/**
 * A credential that cannot be logged by accident: string conversion, JSON and `util.inspect` all
 * print `[redacted]`. Only `reveal()` gives the value, at the one place that puts it on the wire.
 * (The same idea as connector-service's `Secret<T>` / `masking` crate.) Its value is also removed
 * from every string leaving the service, should a provider echo it back.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    if (value.length >= MIN_FILTERED_LENGTH && !HELD.has(value)) {
      HELD.add(value);
      longestFirst = [...HELD].sort((a, b) => b.length - a.length);
    }
  }

  reveal(): string {
    return this.#value;
  }

  /** Whether `candidate` is this secret, compared in constant time. */
  matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const expected = Buffer.from(this.#value);
    const given = Buffer.from(candidate);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
