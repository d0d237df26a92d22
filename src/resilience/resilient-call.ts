import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { RequestScope } from '../request/request-scope.js';
import { RequestValue } from '../request/request-scope.js';
import type { Bulkhead } from './bulkhead.js';
import type { ProviderResilience } from './provider-resilience.js';
import { RequestShare } from './request-share.js';
import { retryDelayMs } from './retry-policy.js';

/**
 * One provider read with the whole policy: the circuit breaker first (an open circuit fails fast
 * without queueing), then the request's share of the provider, then the bulkhead slot, then the call; retried by the runtime's retry policy,
 * never past the request's deadline and never once the request is cancelled.
 */
export async function resilientCall<T>(runtime: ProviderResilience, scope: RequestScope, call: () => Promise<T>): Promise<T> {
  const share = requestShare(scope, runtime.bulkhead);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runtime.breaker.run(() => share.run(() => runtime.bulkhead.run(call)));
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

/** This request's shares, one per provider bulkhead it calls. */
const SHARES = new RequestValue<Map<Bulkhead, RequestShare>>('bulkhead shares');

/** The request's share of `bulkhead`: as many calls as the provider runs at once, never its queue too. */
function requestShare(scope: RequestScope, bulkhead: Bulkhead): RequestShare {
  const shares = scope.local(SHARES, () => new Map<Bulkhead, RequestShare>());
  let share = shares.get(bulkhead);
  if (!share) {
    share = new RequestShare(bulkhead.maxConcurrent);
    shares.set(bulkhead, share);
  }
  return share;
}
