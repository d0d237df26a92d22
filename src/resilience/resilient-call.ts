import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { RequestScope } from '../request/request-scope.js';
import type { ProviderResilience } from './provider-resilience.js';
import { retryDelayMs } from './retry-policy.js';

/**
 * One provider read with the whole policy: the circuit breaker first (an open circuit fails fast
 * without queueing), then the bulkhead slot, then the call; retried by the runtime's retry policy,
 * never past the request's deadline and never once the request is cancelled.
 */
export async function resilientCall<T>(runtime: ProviderResilience, scope: RequestScope, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runtime.breaker.run(() => runtime.bulkhead.run(call));
    } catch (error) {
      if (!(error instanceof PaymentLookupError)) throw error;
      const delay = retryDelayMs(runtime.retryPolicy, attempt, error);
      if (delay === undefined || delay >= scope.remainingMs() || scope.cancelled) throw error;
      // The backoff ends early when the request is cancelled: nobody is left to wait for.
      await scope.pause(delay);
      if (scope.cancelled) throw error;
    }
  }
}
