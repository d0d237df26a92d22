import type { RateBudget } from './rate-budget.js';

/**
 * The window a provider's rate limit is counted in ("N calls per second"), and 50 ms more: a call
 * that waited for its slot may leave late (timers, a busy event loop, the network) while the call a
 * window after it leaves on time, and the provider must still see them a full second apart.
 */
export const RATE_WINDOW_MS = 1_050;

/**
 * A provider's request budget: at most `limit` calls in any window of one second (`windowMs`), however
 * the window is placed. A token bucket with a burst cannot promise that (a full bucket spent at once,
 * then refilled, is twice the rate within one second), and the provider counts its limit per second.
 * So each call reserves a time slot: the `limit`-th slot before it plus the window, or now if that
 * has passed. The last `limit` slots are a ring; slots only move forward, so waiting callers go in
 * arrival order. A caller whose slot is further away than it can wait takes none and makes no call.
 * O(1) per call, `limit` numbers of memory, no timers of its own.
 */
export class CallWindow implements RateBudget {
  readonly #slots: Float64Array;
  #next = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number = RATE_WINDOW_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a call window needs a whole number of calls, at least 1 (got ${String(limit)})`);
    this.#slots = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
  }

  /** How long the caller must wait for its slot (0: now), or undefined when that exceeds `maxWaitMs` (no slot taken). */
  reserve(maxWaitMs: number): number | undefined {
    const now = this.now();
    // The slot `limit` calls back: this call may go one window after it.
    const slot = Math.max(now, (this.#slots[this.#next] ?? Number.NEGATIVE_INFINITY) + this.windowMs);
    const waitMs = slot - now;
    if (waitMs > maxWaitMs) return undefined;
    this.#slots[this.#next] = slot;
    this.#next = (this.#next + 1) % this.limit;
    return waitMs;
  }
}
