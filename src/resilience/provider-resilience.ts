import type { Bulkhead } from './bulkhead.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * One provider's resilience chain, in resilience's own terms: what `resilientCall` needs, whoever
 * builds it (the provider registry, a test). Resilience imports nothing about providers.
 */
export interface ProviderResilience {
  readonly breaker: CircuitBreaker;
  /** Calls in flight and queued for this provider, across all requests. */
  readonly bulkhead: Bulkhead;
  readonly retryPolicy: RetryPolicy;
  /** Told of every attempt that reached the provider and every retry (metrics). */
  readonly observer?: CallObserver;
}

export interface CallObserver {
  /** One attempt that reached the provider: its error code (undefined when it succeeded) and how long it took. */
  attempted(code: string | undefined, seconds: number): void;
  /** The retry policy is about to try again after this error code. */
  retried(code: string): void;
}
