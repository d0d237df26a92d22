import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A credential that cannot be logged by accident: string conversion, JSON and `util.inspect` all
 * print `[redacted]`. Only `reveal()` gives the value, at the one place that puts it on the wire.
 * (The same idea as connector-service's `Secret<T>` / `masking` crate.)
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
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
