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
}
