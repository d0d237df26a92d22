import { ErrorCode } from '../errors/codes.js';
import { lookupError, PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { RequestScope } from '../request/request-scope.js';
import { RequestValue } from '../request/request-scope.js';
import { Bulkhead } from './bulkhead.js';
import { CALL_SUCCEEDED } from './circuit-breaker.js';
import type { RateBudget } from './rate-budget.js';
import type { CallObserver, ProviderResilience } from './provider-resilience.js';
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
      return await attemptCall(runtime, scope, share, call);
    } catch (error) {
      if (!(error instanceof PaymentLookupError)) throw error;
      const delay = retryDelayMs(runtime.retryPolicy, attempt, error);
      if (delay === undefined || delay >= scope.remainingMs() || scope.cancelled) throw error;
      runtime.observer.retried(error.code);
      // The backoff ends early when the request is cancelled: nobody is left to wait for.
      await scope.pause(delay);
      if (scope.cancelled) throw error;
    }
  }
}

/**
 * One attempt through breaker, share, budget and bulkhead, in one frame: each stage waits (awaits)
 * only when it has to (a queue, the budget), instead of an async wrapper per stage, whose promises
 * and microtask hops every read paid (README "Benchmarks").
 */
async function attemptCall<T>(runtime: ProviderResilience, scope: RequestScope, share: Bulkhead, call: () => Promise<T>): Promise<T> {
  const probe = runtime.breaker.admit();
  try {
    const shareSlot = share.enter();
    if (shareSlot) await shareSlot;
    try {
      if (runtime.budget) await withinBudget(runtime, runtime.budget, scope);
      const slot = runtime.bulkhead.enter();
      if (slot) await slot;
      try {
        const result = await observe(runtime.observer, scope, call);
        runtime.breaker.settle(probe, CALL_SUCCEEDED);
        return result;
      } finally {
        runtime.bulkhead.leave();
      }
    } finally {
      share.leave();
    }
  } catch (error) {
    runtime.breaker.settle(probe, error);
    throw error;
  }
}

/**
 * Takes the attempt's slot from the provider's budget, waiting for it while the request can
 * afford to. With none in time the attempt is not made: PROVIDER_RATE_LIMITED, as the provider
 * itself would have answered, without spending its patience (nor the circuit's: it is no failure).
 */
async function withinBudget(runtime: ProviderResilience, budget: RateBudget, scope: RequestScope): Promise<void> {
  const waitMs = await budget.reserve(scope.remainingMs());
  if (waitMs === undefined) {
    throw lookupError(ErrorCode.PROVIDER_RATE_LIMITED, runtime.bulkhead.provider, { detail: "this service's own budget of calls to the provider is spent" });
  }
  if (waitMs > 0) await scope.pause(waitMs);
}

/** One attempt, timed and reported with its outcome (a call that throws instead of rejecting too). */
function observe<T>(observer: CallObserver, scope: RequestScope, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const failed = (error: unknown): never => {
    observer.attempted({ ok: false, error }, (performance.now() - started) / 1000, scope);
    throw error;
  };
  let pending: Promise<T>;
  try {
    pending = call();
  } catch (error) {
    return failed(error);
  }
  return pending.then((result) => {
    observer.attempted({ ok: true }, (performance.now() - started) / 1000, scope);
    return result;
  }, failed);
}

/** This request's shares, one per provider bulkhead it calls. */
const SHARES = new RequestValue<Map<Bulkhead, Bulkhead>>('bulkhead shares');

/**
 * One request's share of a provider's bulkhead: at most as many of its calls in the bulkhead (in
 * flight or in its shared queue) as the provider runs at once; the rest wait in the share's own
 * queue, which holds no more than the request's own keys (bounded by the refs limit). A 100-ref
 * dashboard still uses every idle slot, but it can never fill the shared queue and turn other
 * clients away with PROVIDER_OVERLOADED, and a call from another request is served before this
 * request's next one.
 */
function requestShare(scope: RequestScope, bulkhead: Bulkhead): Bulkhead {
  const shares = scope.local(SHARES, () => new Map<Bulkhead, Bulkhead>());
  let share = shares.get(bulkhead);
  if (!share) {
    share = new Bulkhead(bulkhead.provider, bulkhead.maxConcurrent, Number.POSITIVE_INFINITY);
    shares.set(bulkhead, share);
  }
  return share;
}
