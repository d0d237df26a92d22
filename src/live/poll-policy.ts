/**
 * How a subscription reads its payment when no webhook says it changed: explicit data, like the
 * retry policy. The first read is at once; then every `firstDelayMs`, growing by `factor` after each
 * read that found no change, up to `maxDelayMs`, and back to `firstDelayMs` after a change. Each wait
 * is spread by ±`jitter` of itself, so that subscriptions opened together (a checkout burst) do not
 * read the provider together. OrcaRail's own example polls every 2 s with no backoff at all.
 */
export interface PollPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  /** 0..1: each wait is drawn uniformly from delay × [1 − jitter, 1 + jitter]. */
  readonly jitter: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { firstDelayMs: 2_000, maxDelayMs: 30_000, factor: 2, jitter: 0.2 };

export function nextDelay(policy: PollPolicy, delay: number): number {
  return Math.min(policy.maxDelayMs, delay * policy.factor);
}

export function jittered(policy: PollPolicy, delay: number, random: () => number = Math.random): number {
  return Math.round(delay * (1 - policy.jitter + 2 * policy.jitter * random()));
}
