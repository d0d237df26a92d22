import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LIMITS } from '../../src/graphql/limits.js';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { FAULT_NAMES } from '../../src/simulation/faults.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

const PAYMENT = 'query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) { id provider status } }';
const PAYMENTS = 'query($refs: [PaymentRef!]!) { payments(refs: $refs) { id provider } }';
/** TCP sockets and servers open now: an app closed after a test must leave no more than there were. */
const openTcpHandles = () => process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length;

/** Starts an app for one test, runs it, closes it and checks that it leaked no socket or server. */
async function withApp(options: Parameters<typeof startTestApp>[0], test: (app: TestApp) => Promise<void>): Promise<void> {
  const before = openTcpHandles();
  const app = await startTestApp(options);
  try {
    await test(app);
  } finally {
    await app.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(openTcpHandles()).toBeLessThanOrEqual(before);
}

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
};

describe('retries, counted at the provider', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ calls: { bodyTimeoutMs: 300, headersTimeoutMs: 1_000 }, circuitBreaker: { failureThreshold: 100, openMs: 1_000 } });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });

  it.each([
    ['bad_gateway', 3, 'PROVIDER_UNAVAILABLE'],
    ['reset', 3, 'PROVIDER_UNAVAILABLE'],
    ['truncated', 3, 'PROVIDER_UNAVAILABLE'],
    ['gateway_timeout', 3, 'PROVIDER_TIMEOUT'],
    ['server_error', 1, 'PROVIDER_UNAVAILABLE'],
    ['unauthorized', 1, 'PROVIDER_AUTH_FAILED'],
    ['wrong_shape', 1, 'PROVIDER_BAD_RESPONSE'],
    ['stall', 1, 'PROVIDER_TIMEOUT'],
  ] as const)('%s: %i attempt(s), then %s', async (fault, attempts, code) => {
    const response = await app.query(PAYMENT, { id: `pay_fault_${fault}`, provider: 'PRIMER' });
    expect(response.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(app.simulator('PRIMER').callsTo(`/payments/pay_fault_${fault}`)).toBe(attempts);
  });

  it('never retries not-found', async () => {
    await app.query(PAYMENT, { id: 'missing', provider: 'PRIMER' });
    expect(app.simulator('PRIMER').callsTo('/payments/missing')).toBe(1);
  });

  it('retries gRPC UNAVAILABLE and not gRPC INTERNAL', async () => {
    await app.query(PAYMENT, { id: 'pi_fault_unavailable~1~USD', provider: 'UCS' });
    await app.query(PAYMENT, { id: 'pi_fault_internal~1~USD', provider: 'UCS' });
    expect(app.simulator('UCS').callsTo('pi_fault_unavailable')).toBe(3);
    expect(app.simulator('UCS').callsTo('pi_fault_internal')).toBe(1);
  });

  it('recovers from a blip: the retry\'s answer is the payment', async () => {
    const primer = app.simulator('PRIMER');
    primer.knobs.errorRate = 0.5;
    try {
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => app.query(PAYMENT, { id: `pay_gen_blip_${String(i)}`, provider: 'PRIMER' })));
      const failed = responses.filter((response) => response.errors).length;
      // Each payment fails only if all three attempts fail (1 in 8).
      expect(failed).toBeLessThan(5);
      expect(primer.totalCalls).toBeGreaterThan(10);
    } finally {
      primer.knobs.errorRate = 0;
    }
  });
});

describe('Retry-After and the request deadline', () => {
  it('waits at least Retry-After before trying again', async () => {
    await withApp({ retryPolicy: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 3_000 } }, async (app) => {
      const { result, ms } = await timed(() => app.query(PAYMENT, { id: 'pay_fault_rate_limited', provider: 'PRIMER' }));
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterSeconds: 2 });
      expect(app.simulator('PRIMER').callsTo('/payments/pay_fault_rate_limited')).toBe(2);
      expect(ms).toBeGreaterThanOrEqual(1_900);
    });
  });

  it('never retries past the deadline, and ends slow providers at it with PROVIDER_TIMEOUT', async () => {
    await withApp({ requestDeadlineMs: 600 }, async (app) => {
      const limited = await timed(() => app.query(PAYMENT, { id: 'pay_fault_rate_limited', provider: 'PRIMER' }));
      expect(app.simulator('PRIMER').callsTo('/payments/pay_fault_rate_limited')).toBe(1);
      expect(limited.ms).toBeLessThan(600);

      app.simulator('GR4VY').knobs.latencyMs = 5_000;
      const slow = await timed(() =>
        app.query(PAYMENTS, {
          refs: [
            { id: GR4VY_SAMPLE_IDS.captured, provider: 'GR4VY' },
            { id: 'pay_settled', provider: 'PRIMER' },
          ],
        }),
      );
      expect(slow.result.data).toEqual({ payments: [null, { id: 'pay_settled', provider: 'PRIMER' }] });
      expect(slow.result.errors?.[0]?.extensions?.['code']).toBe('PROVIDER_TIMEOUT');
      expect(slow.ms).toBeGreaterThanOrEqual(550);
      expect(slow.ms).toBeLessThan(1_500);
    });
  });
});

describe('circuit breaker per provider', () => {
  it('opens on sustained failure, fails fast while open, shows in readiness, and leaves other providers alone', async () => {
    await withApp({ circuitBreaker: { failureThreshold: 3, openMs: 300 }, retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }, async (app) => {
      const primer = app.simulator('PRIMER');
      primer.knobs.errorRate = 1;
      for (let i = 0; i < 3; i += 1) await app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      expect(app.registry.describe().PRIMER.circuit).toBe('open');
      const ready = (await (await fetch(`${app.url}/ready`)).json()) as { providers: Record<string, { circuit: string }> };
      expect(ready.providers['PRIMER']?.circuit).toBe('open');

      const callsBefore = primer.totalCalls;
      const fast = await timed(() => app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' }));
      expect(fast.result.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
      expect(fast.result.errors?.[0]?.message).toContain('circuit open');
      expect(primer.totalCalls).toBe(callsBefore);

      const other = await app.query(PAYMENT, { id: GR4VY_SAMPLE_IDS.captured, provider: 'GR4VY' });
      expect(other.errors).toBeUndefined();

      primer.knobs.errorRate = 0;
      await new Promise((resolve) => setTimeout(resolve, 350));
      const probe = await app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      expect(probe.errors).toBeUndefined();
      expect(app.registry.describe().PRIMER.circuit).toBe('closed');
      expect(app.logs.text).toContain('"circuit":"open"');
    });
  });
});

describe('bulkhead per provider', () => {
  it('refuses calls beyond in-flight + queue with PROVIDER_OVERLOADED, without unbounded waiting', async () => {
    await withApp({ maxConcurrencyPerProvider: 2, maxQueuedPerProvider: 1, knobs: { latencyMs: 200 } }, async (app) => {
      // Five requests at once: one request alone can no longer fill the queue (its share, test/security).
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => app.query<{ payment: unknown }>(PAYMENT, { id: `kp_gen_${String(i)}`, provider: 'KUIKPOS' })),
      );
      expect(responses.filter((response) => response.data?.payment)).toHaveLength(3);
      expect(responses.flatMap((response) => response.errors ?? []).map((e) => e.extensions?.['code'])).toEqual(['PROVIDER_OVERLOADED', 'PROVIDER_OVERLOADED']);
      expect(app.simulator('KUIKPOS').maxInFlight).toBe(2);
    });
  });
});

describe('single-flight across requests', () => {
  it('shares one in-flight provider call between concurrent requests, and keeps nothing afterwards', async () => {
    await withApp({ knobs: { latencyMs: 150 } }, async (app) => {
      const results = await Promise.all([1, 2, 3].map(() => app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' })));
      expect(results.every((result) => result.errors === undefined)).toBe(true);
      expect(app.simulator('PRIMER').callsTo('/payments/pay_settled')).toBe(1);
      await app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      expect(app.simulator('PRIMER').callsTo('/payments/pay_settled')).toBe(2);
    });
  });
});

describe('request-level limits, decided before any provider call', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The schema's deepest path is 4 (payment.transactions.amount.currency): a limit of 3 can be crossed.
    app = await startTestApp({ maxRefs: 5, limits: { ...DEFAULT_REQUEST_LIMITS, maxDepth: 3, maxAliases: 3 } });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });
  const providerCalls = () => [...app.registry.simulators.values()].reduce((sum, simulator) => sum + simulator.totalCalls, 0);

  it('accepts queries at the maximum depth', async () => {
    const response = await app.query('{ payment(id: "pay_settled", provider: PRIMER) { amount { currency } order { id } } }');
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['a field path', '{ payment(id: "pay_settled", provider: PRIMER) { transactions { amount { currency } } } }'],
    ['a path through fragments', '{ payment(id: "pay_settled", provider: PRIMER) { ...P } } fragment P on Payment { transactions { ...M } } fragment M on Transaction { amount { currency } }'],
    ['_entities', '{ _entities(representations: [{__typename: "Payment", id: "pay_settled", provider: "PRIMER"}]) { ... on Payment { transactions { amount { currency } } } } }'],
  ])('refuses a query deeper than the maximum (%s) as a validation error, with no provider call', async (_name, query) => {
    const response = await app.query(query);
    // Apollo reports every validation rule's error as GRAPHQL_VALIDATION_FAILED.
    expect(response.errors?.[0]).toMatchObject({ message: 'The query is 4 levels deep; at most 3 are allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.data).toBeUndefined();
    expect(providerCalls()).toBe(0);
  });

  it('refuses more aliases than the maximum as a validation error, with no provider call', async () => {
    const aliases = ['a', 'b', 'c', 'd'].map((alias, i) => `${alias}: payment(id: "pay_gen_${String(i)}", provider: PRIMER) { id }`).join(' ');
    const response = await app.query(`{ ${aliases} }`);
    expect(response.errors?.[0]).toMatchObject({ message: 'The query uses 4 aliases; at most 3 are allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(providerCalls()).toBe(0);
  });

  it('refuses more _entities representations than the maximum before calling any provider', async () => {
    const representations = Array.from({ length: 6 }, (_, i) => ({ __typename: 'Payment', id: `pay_gen_${String(i)}`, provider: 'PRIMER' }));
    const response = await app.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id } } }', { r: representations });
    expect(response.errors?.[0]).toMatchObject({ message: '_entities accepts at most 5 representations; got 6', extensions: { code: 'BAD_USER_INPUT' } });
    expect(providerCalls()).toBe(0);
  });

  it('refuses more refs than the maximum before calling any provider', async () => {
    const refs = Array.from({ length: 6 }, (_, i) => ({ id: `pay_gen_${String(i)}`, provider: 'PRIMER' }));
    const response = await app.query(PAYMENTS, { refs });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(providerCalls()).toBe(0);
  });
});

describe('fault injection leaves nothing behind', () => {
  it('every fault class, on every REST provider and UCS: coded errors beside data, no unhandled rejection, no leaked socket', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const socketsBefore = process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length;
    const app = await startTestApp({ calls: { bodyTimeoutMs: 200, headersTimeoutMs: 500 }, requestDeadlineMs: 2_000 });
    try {
      const refs = [
        ...FAULT_NAMES.map((fault) => ({ id: `kp_fault_${fault}`, provider: 'KUIKPOS' })),
        ...FAULT_NAMES.map((fault) => ({ id: `pi_fault_${fault}`, provider: 'ORCARAIL' })),
        { id: 'pi_fault_stall~1~USD', provider: 'UCS' },
        { id: 'pay_settled', provider: 'PRIMER' },
      ];
      const response = await app.query<{ payments: Array<{ id: string } | null> }>(PAYMENTS, { refs: refs.slice(0, 24) });
      expect(response.status).toBe(200);
      expect(response.data?.payments.at(-1)).toEqual({ id: 'pay_settled', provider: 'PRIMER' });
      expect(response.errors).toHaveLength(23);
      for (const error of response.errors ?? []) expect(error.extensions?.['code']).toMatch(/^PROVIDER_/);
    } finally {
      await app.close();
      process.off('unhandledRejection', onUnhandled);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length).toBeLessThanOrEqual(socketsBefore);
  });
});
