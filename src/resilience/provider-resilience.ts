import type { RequestScope } from '../request/request-scope.js';
import type { Bulkhead } from './bulkhead.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { RetryPolicy } from './retry-policy.js';
import type { RateBudget } from './rate-budget.js';

/**
 * One provider's resilience chain, in resilience's own terms: what `resilientCall` needs, whoever
 * builds it (the provider registry, a test). Resilience imports nothing about providers.
 */
export interface ProviderResilience {
  readonly breaker: CircuitBreaker;
  /** Calls in flight and queued for this provider, across all requests. */
  readonly bulkhead: Bulkhead;
  readonly retryPolicy: RetryPolicy;
  /** Told of every attempt that reached the provider and every retry (metrics, the failed-attempt log line). */
  readonly observer: CallObserver;
  /** The provider's own rate limit, as the operator configured it: every attempt takes its turn first. */
  readonly budget?: RateBudget;
}

export type AttemptResult = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

export interface CallObserver {
  /**
   * One attempt that reached the provider: whether it succeeded (its error when not), how long it
   * took, and the request it served (its request and trace ids, for the log line).
   */
  attempted(result: AttemptResult, seconds: number, scope: RequestScope): void;
  /** The retry policy is about to try again after this error code. */
  retried(code: string): void;
}
