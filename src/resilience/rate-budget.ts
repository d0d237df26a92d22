/**
 * A provider's budget of calls: how long the caller must wait for its turn (0: now), or undefined
 * when that is longer than `maxWaitMs` (and then no turn is taken). Kept in this process
 * (`CallWindow`) or shared by every replica (Redis): the call site is the same.
 */
export interface RateBudget {
  reserve(maxWaitMs: number): number | undefined | Promise<number | undefined>;
}
