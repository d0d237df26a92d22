import { ErrorCode } from '../errors/codes.js';
import type { PaymentLookupError } from '../errors/payment-lookup-error.js';

/**
 * When a provider read is tried again, as data. Every provider call here is an idempotent read
 * (GET / gRPC Get), so retrying it is safe; what is retried is only what a later attempt can fix.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Exponential backoff: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))] ("full jitter"). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A provider's Retry-After is honoured (waited at least) when it is at most this long; a longer one is not retried. */
  readonly maxRetryAfterMs: number;
}

/**
 * The defaults, and why: three attempts absorb a blip without tripling a dashboard's wait; 100 ms
 * doubling to at most 1 s keeps the whole retry within a few hundred ms of the request deadline;
 * full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/) spreads
 * a burst of retries from many requests instead of synchronising them.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 2_000 };

/** HTTP statuses worth a second attempt: the provider said it is overloaded or a hop failed. */
const RETRIED_HTTP_STATUSES = new Set<number | string>([429, 502, 503, 504]);
/** Their gRPC equivalents (connector-service maps 429→RESOURCE_EXHAUSTED, 503→UNAVAILABLE, 504→DEADLINE_EXCEEDED). */
const RETRIED_GRPC_STATUSES = new Set<number | string>(['RESOURCE_EXHAUSTED', 'UNAVAILABLE', 'DEADLINE_EXCEEDED']);

/**
 * Whether *this service* tries the call again (the client's view is `clientMayRetry`). Retried:
 * connection errors (refused, reset, dropped mid-body — no upstream status), 429, 502, 503, 504 and
 * their gRPC equivalents. Never: other 4xx, 500, bad bodies, our own timeouts (the deadline is
 * spent), not-found, auth.
 */
export function policyRetries(error: PaymentLookupError): boolean {
  const status = error.upstreamStatus;
  const retriedStatus = status !== undefined && (RETRIED_HTTP_STATUSES.has(status) || RETRIED_GRPC_STATUSES.has(status));
  if (error.code === ErrorCode.PROVIDER_RATE_LIMITED) return true;
  // No upstream status: the connection failed (refused, reset, dropped mid-body).
  if (error.code === ErrorCode.PROVIDER_UNAVAILABLE) return status === undefined || retriedStatus;
  if (error.code === ErrorCode.PROVIDER_TIMEOUT) return retriedStatus;
  return false;
}

/** How long to wait before attempt `attempt + 1` (attempt counts from 1), or undefined: do not retry. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, error: PaymentLookupError, random: () => number = Math.random): number | undefined {
  if (attempt >= policy.maxAttempts || !policyRetries(error)) return undefined;
  const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  if (error.retryAfterSeconds === undefined) return backoff;
  const retryAfterMs = error.retryAfterSeconds * 1000;
  return retryAfterMs > policy.maxRetryAfterMs ? undefined : Math.max(backoff, retryAfterMs);
}
