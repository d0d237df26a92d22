import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { lookupError, PaymentLookupError } from '../../src/errors/payment-lookup-error.js';
import { RequestScope } from '../../src/request/request-scope.js';
import { Bulkhead } from '../../src/resilience/bulkhead.js';
import { CALL_SUCCEEDED, CircuitBreaker, type CircuitState } from '../../src/resilience/circuit-breaker.js';
import { DEFAULT_RETRY_POLICY, policyRetries, retryDelayMs } from '../../src/resilience/retry-policy.js';
import { resilientCall } from '../../src/resilience/resilient-call.js';
import { SingleFlight } from '../../src/resilience/single-flight.js';

const error = (code: ErrorCode, upstreamStatus?: number | string, retryAfterSeconds?: number) =>
  lookupError(code, 'PRIMER', { ...(upstreamStatus === undefined ? {} : { upstreamStatus }), ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });

describe('retry policy', () => {
  it.each([
    [error(ErrorCode.PROVIDER_UNAVAILABLE), true, 'connection error'],
    [error(ErrorCode.PROVIDER_RATE_LIMITED, 429), true, '429'],
    [error(ErrorCode.PROVIDER_UNAVAILABLE, 502), true, '502'],
    [error(ErrorCode.PROVIDER_UNAVAILABLE, 503), true, '503'],
    [error(ErrorCode.PROVIDER_TIMEOUT, 504), true, '504'],
    [error(ErrorCode.PROVIDER_UNAVAILABLE, 'UNAVAILABLE'), true, 'gRPC UNAVAILABLE'],
    [error(ErrorCode.PROVIDER_RATE_LIMITED, 'RESOURCE_EXHAUSTED'), true, 'gRPC RESOURCE_EXHAUSTED'],
    [error(ErrorCode.PROVIDER_TIMEOUT, 'DEADLINE_EXCEEDED'), true, 'gRPC DEADLINE_EXCEEDED'],
    [error(ErrorCode.PROVIDER_UNAVAILABLE, 500), false, '500'],
    [error(ErrorCode.PROVIDER_UNAVAILABLE, 'INTERNAL'), false, 'gRPC INTERNAL'],
    [error(ErrorCode.PROVIDER_TIMEOUT), false, 'our own timeout: the budget is spent'],
    [error(ErrorCode.PAYMENT_NOT_FOUND, 404), false, '404'],
    [error(ErrorCode.PROVIDER_AUTH_FAILED, 401), false, '401'],
    [error(ErrorCode.PROVIDER_REJECTED, 400), false, 'other 4xx'],
    [error(ErrorCode.PROVIDER_BAD_RESPONSE, 200), false, 'garbage'],
  ])('%#: retried=%s (%s)', (failure, retried) => {
    expect(policyRetries(failure)).toBe(retried);
  });

  it('backs off exponentially with full jitter, up to the cap, for at most maxAttempts', () => {
    const failure = error(ErrorCode.PROVIDER_UNAVAILABLE, 503);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, failure, () => 1)).toBe(100);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 2, failure, () => 1)).toBe(200);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 2, failure, () => 0.5)).toBe(100);
    expect(retryDelayMs({ ...DEFAULT_RETRY_POLICY, maxAttempts: 10 }, 8, failure, () => 1)).toBe(1_000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 3, failure)).toBeUndefined();
  });

  it('waits at least Retry-After, and does not retry when the provider asks for longer than allowed', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, error(ErrorCode.PROVIDER_RATE_LIMITED, 429, 2), () => 1)).toBe(2_000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, error(ErrorCode.PROVIDER_RATE_LIMITED, 429, 30))).toBeUndefined();
  });
});

/** A call through the breaker as resilientCall's attempt makes it: admitted, then settled with its outcome. */
async function throughBreaker<T>(breaker: CircuitBreaker, call: () => Promise<T>): Promise<T> {
  const probe = breaker.admit();
  try {
    const result = await call();
    breaker.settle(probe, CALL_SUCCEEDED);
    return result;
  } catch (error) {
    breaker.settle(probe, error);
    throw error;
  }
}

/** A task in one of the bulkhead's slots, as resilientCall's attempt takes and gives it back. */
async function inBulkhead<T>(bulkhead: Bulkhead, task: () => Promise<T>): Promise<T> {
  const slot = bulkhead.enter();
  if (slot) await slot;
  try {
    return await task();
  } finally {
    bulkhead.leave();
  }
}

describe('circuit breaker', () => {
  const unavailable = () => Promise.reject(error(ErrorCode.PROVIDER_UNAVAILABLE, 503));
  const notFound = () => Promise.reject(error(ErrorCode.PAYMENT_NOT_FOUND, 404));

  it('opens after consecutive provider failures, fails fast, probes after the open period, closes on success', async () => {
    let now = 0;
    const states: CircuitState[] = [];
    const breaker = new CircuitBreaker('PRIMER', { failureThreshold: 3, openMs: 1_000 }, (state) => states.push(state), () => now);
    for (let i = 0; i < 3; i += 1) await expect(throughBreaker(breaker, unavailable)).rejects.toThrow();
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(
      throughBreaker(breaker, () => {
        called = true;
        return Promise.resolve(1);
      }),
    ).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, message: expect.stringContaining('circuit open') as string });
    expect(called).toBe(false);
    now = 1_000;
    expect(breaker.state).toBe('half_open');
    await expect(throughBreaker(breaker, () => Promise.resolve('probe ok'))).resolves.toBe('probe ok');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'closed']);
  });

  it('reopens when the probe fails, and does not count not-found as a failure', async () => {
    let now = 0;
    const breaker = new CircuitBreaker('GR4VY', { failureThreshold: 2, openMs: 100 }, undefined, () => now);
    for (let i = 0; i < 5; i += 1) await expect(throughBreaker(breaker, notFound)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    await expect(throughBreaker(breaker, unavailable)).rejects.toThrow();
    await expect(throughBreaker(breaker, unavailable)).rejects.toThrow();
    now = 100;
    await expect(throughBreaker(breaker, unavailable)).rejects.toThrow();
    expect(breaker.state).toBe('open');
  });
});

describe('bulkhead', () => {
  it('runs at most maxConcurrent, queues up to maxQueued and refuses the rest with PROVIDER_OVERLOADED', async () => {
    const bulkhead = new Bulkhead('KUIKPOS', 2, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = () => gate.then(() => 'done');
    const calls = [inBulkhead(bulkhead, slow), inBulkhead(bulkhead, slow), inBulkhead(bulkhead, slow), inBulkhead(bulkhead, slow)];
    const settled = Promise.allSettled(calls);
    expect([bulkhead.active, bulkhead.queued]).toEqual([2, 1]);
    release();
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const refused = (results[3] as PromiseRejectedResult).reason as PaymentLookupError;
    expect(refused).toMatchObject({ code: 'PROVIDER_OVERLOADED', provider: 'KUIKPOS', retryable: true });
  });
});

describe('bulkhead slots', () => {
  it('hands a freed slot to the longest waiter, so a caller arriving meanwhile queues behind it instead of running over the limit', async () => {
    const bulkhead = new Bulkhead('ORCARAIL', 1, 5);
    expect(bulkhead.enter()).toBeUndefined();
    const waiter = bulkhead.enter();
    expect(waiter).toBeInstanceOf(Promise);
    bulkhead.leave();
    // The waiter has not resumed yet, but the slot is already its own.
    expect([bulkhead.active, bulkhead.queued]).toEqual([1, 0]);
    const latecomer = bulkhead.enter();
    expect(latecomer).toBeInstanceOf(Promise);
    await waiter;
    expect([bulkhead.active, bulkhead.queued]).toEqual([1, 1]);
    bulkhead.leave();
    await latecomer;
    bulkhead.leave();
    expect([bulkhead.active, bulkhead.queued]).toEqual([0, 0]);
  });
});

describe('single-flight', () => {
  it('shares one call between concurrent callers and keeps nothing once it settles', async () => {
    const flights = new SingleFlight<number>();
    let calls = 0;
    const call = () => new Promise<number>((resolve) => setTimeout(() => { resolve(++calls); }, 10));
    const [a, b] = await Promise.all([flights.run('x', new RequestScope(), call), flights.run('x', new RequestScope(), call)]);
    expect([a, b, calls, flights.size]).toEqual([1, 1, 1, 0]);
    expect(await flights.run('x', new RequestScope(), call)).toBe(2);
  });

  it('cancels the shared call only when every waiting request has gone away', async () => {
    const flights = new SingleFlight<string>();
    let shared: RequestScope | undefined;
    const call = (scope: RequestScope) => {
      shared = scope;
      return new Promise<string>((resolve) => setTimeout(() => { resolve('ok'); }, 20));
    };
    const first = new RequestScope();
    const second = new RequestScope();
    const results = Promise.all([flights.run('y', first, call), flights.run('y', second, call)]);
    first.cancel();
    expect(shared?.cancelled).toBe(false);
    second.cancel();
    expect(shared?.cancelled).toBe(true);
    await results;
  });

  it('lets go of a request\'s cancellation listener once the shared call has settled', async () => {
    const flights = new SingleFlight<number>();
    const request = new RequestScope();
    for (let n = 0; n < 5; n += 1) await flights.run(`k${String(n)}`, request, () => Promise.resolve(n));
    await Promise.resolve();
    expect(request.cancelListeners).toBe(0);
  });
});

describe('resilient call', () => {
  const chain = () => ({
    breaker: new CircuitBreaker('PRIMER', { failureThreshold: 100, openMs: 1_000 }),
    bulkhead: new Bulkhead('PRIMER', 10, 10),
    retryPolicy: DEFAULT_RETRY_POLICY,
    observer: { attempted: () => undefined, retried: () => undefined },
  });

  it('ends a retry\'s backoff as soon as its request is cancelled, without another attempt', async () => {
    const scope = new RequestScope({ deadline: Date.now() + 60_000 });
    let attempts = 0;
    const started = performance.now();
    const call = resilientCall(chain(), scope, () => {
      attempts += 1;
      // Retry-After: 1 makes the backoff at least a second.
      return Promise.reject(error(ErrorCode.PROVIDER_RATE_LIMITED, 429, 1));
    });
    setTimeout(() => {
      scope.cancel();
    }, 20);
    await expect(call).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED' });
    expect(attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(900);
    expect(scope.cancelListeners).toBe(0);
  });
});
