import { ErrorCode } from '../errors/codes.js';
import { lookupError } from '../errors/payment-lookup-error.js';
import type { Provider } from '../model/provider.js';

export interface BulkheadSettings {
  /** Calls in flight per provider, shared by all requests. */
  readonly maxConcurrent: number;
  /** Calls that may wait for a slot; past that, PROVIDER_OVERLOADED at once. */
  readonly maxQueued: number;
}

/** 50 in flight keeps one wave for a 100-ref dashboard over two providers; 200 waiting bounds memory. */
export const DEFAULT_BULKHEAD: BulkheadSettings = { maxConcurrent: 50, maxQueued: 200 };

/**
 * Caps the calls in flight to one provider (shared by every request) and the calls waiting for a
 * slot. A full queue is a coded error at once rather than unbounded memory, and one provider's queue
 * never delays another provider's calls.
 */
export class Bulkhead {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    readonly provider: Provider,
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be a positive integer, got ${String(maxConcurrent)}`);
    }
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * Takes a slot: undefined when one was free (the caller goes on without a microtask hop), a
   * promise of one otherwise, and PROVIDER_OVERLOADED at once when the queue is full too. Every
   * taken slot is given back with `leave()`.
   */
  enter(): Promise<void> | undefined {
    if (this.#active < this.maxConcurrent) {
      this.#active += 1;
      return undefined;
    }
    if (this.#waiting.length >= this.maxQueued) {
      throw lookupError(ErrorCode.PROVIDER_OVERLOADED, this.provider, {
        detail: `${String(this.maxConcurrent)} calls in flight and ${String(this.maxQueued)} waiting`,
      });
    }
    return new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Gives a slot back; the longest waiter, if any, takes it over (so no later `enter` can jump the queue). */
  leave(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active -= 1;
  }
}
