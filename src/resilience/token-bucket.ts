import type { RateBudget } from './rate-budget.js';

/**
 * A provider's request budget: at most `ratePerSecond` calls per second on average, `burst` at
 * once. A caller that finds no token reserves the next one (the count goes below zero, so waiting
 * callers are served in arrival order at the rate) and waits for it, unless that wait is longer than
 * it can afford: then it gets no token and makes no call. O(1) per call, no timers of its own.
 */
export class TokenBucket implements RateBudget {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = burst;
    this.#updatedAt = now();
  }

  /** How long the caller must wait for its token (0: now), or undefined when that exceeds `maxWaitMs` (no token taken). */
  reserve(maxWaitMs: number): number | undefined {
    const now = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#updatedAt) / 1000) * this.ratePerSecond);
    this.#updatedAt = now;
    const waitMs = this.#tokens >= 1 ? 0 : ((1 - this.#tokens) / this.ratePerSecond) * 1000;
    if (waitMs > maxWaitMs) return undefined;
    this.#tokens -= 1;
    return waitMs;
  }
}
