import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * Red team, issue 11 points 1 and 4: work per request is bounded before it starts and linear in what
 * was sent, and one request cannot take a provider away from everyone else.
 */
const providerCalls = (app: TestApp) => [...app.registry.simulators.values()].reduce((sum, simulator) => sum + simulator.totalCalls, 0);

/** Fragments that each spread the next one twice: 2^levels field paths from a ~1 KB document. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${String(i)} on Payment { ...F${String(i + 1)} ...F${String(i + 1)} }`);
  return `{ payment(id: "pay_settled", provider: PRIMER) { ...F0 } } ${fragments.join(' ')} fragment F${String(levels)} on Payment { id status }`;
}

describe('red team: cost-bounded parsing and validation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('refuses a fragment bomb in milliseconds, with no provider call, while /health keeps answering', async () => {
    resetCounters(app);
    const started = performance.now();
    const [response, health] = await Promise.all([app.query(fragmentBomb(40)), fetch(`${app.url}/health`)]);
    // Exponential work would not end within the test's timeout at all; linear work ends at once.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(health.status).toBe(200);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.errors?.[0]?.message).toMatch(/^The query expands to \d+ fields; at most 2000 are allowed$/);
    expect(providerCalls(app)).toBe(0);
  });

  it('still answers a fragment-heavy document that expands to little', async () => {
    const response = await app.query(fragmentBomb(3));
    expect(response.errors).toBeUndefined();
  });

  it('refuses a document over the token limit at parse time', async () => {
    const response = await app.query(`{ ${Array.from({ length: 3_100 }, () => '__typename').join(' ')} }`);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    // graphql-js's own wording (sic: "more that").
    expect(response.errors?.[0]?.message).toMatch(/more tha[nt] 3000 tokens/);
  });

  it.each([
    ['directives', `{ payment(id: "pay_settled", provider: PRIMER) { ${Array.from({ length: 51 }, () => 'id @include(if: true)').join(' ')} } }`, /directives/],
    ['fragment spreads', `{ payment(id: "pay_settled", provider: PRIMER) { ${Array.from({ length: 101 }, () => '...P').join(' ')} } } fragment P on Payment { id }`, /fragment spreads/],
  ])('refuses too many %s as a validation error', async (_kind, query, message) => {
    const response = await app.query(query);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.errors?.[0]?.message).toMatch(message);
  });

  it.each([
    ['behind a fragment', 'query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { ... on Payment { id } } }', 101],
    ['split over aliases', 'query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } }', 51],
  ])('counts _entities representations however they are written (%s)', async (_how, query, count) => {
    resetCounters(app);
    const representations = Array.from({ length: count }, (_, i) => ({ __typename: 'Payment', id: `pay_gen_${String(i)}`, provider: 'PRIMER' }));
    const response = await app.query(query, { r: representations });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0]?.message).toMatch(/^_entities accepts at most 100 representations; got \d+$/);
    expect(providerCalls(app)).toBe(0);
  });

  it('counts payment refs over aliases too: 30 aliases of 100 refs are one request of 3000', async () => {
    resetCounters(app);
    const refs = Array.from({ length: 100 }, (_, i) => ({ id: `pay_gen_${String(i)}`, provider: 'PRIMER' }));
    const aliases = Array.from({ length: 30 }, (_, i) => `a${String(i)}: payments(refs: $refs) { id }`).join(' ');
    const response = await app.query(`query($refs: [PaymentRef!]!) { ${aliases} }`, { refs });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toContain('at most 100 refs per request');
    expect(providerCalls(app)).toBe(0);
  });
});

describe('red team: fair share of a provider', () => {
  it('lets another client through while one request holds more refs than the provider runs at once', async () => {
    const app = await startTestApp({ maxConcurrencyPerProvider: 2, maxQueuedPerProvider: 1, knobs: { latencyMs: 150 } });
    try {
      const greedy = app.query<{ payments: unknown[] }>('query($refs: [PaymentRef!]!) { payments(refs: $refs) { id } }', {
        refs: Array.from({ length: 8 }, (_, i) => ({ id: `kp_gen_${String(i)}`, provider: 'KUIKPOS' })),
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const other = await app.query('{ payment(id: "kp_gen_other", provider: KUIKPOS) { id } }');
      // Before: the greedy request held both slots and the queue, and everyone else got PROVIDER_OVERLOADED.
      expect(other.errors).toBeUndefined();
      const { data, errors } = await greedy;
      expect(errors).toBeUndefined();
      expect(data?.payments.filter(Boolean)).toHaveLength(8);
      expect(app.simulator('KUIKPOS').maxInFlight).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('does not count a request\'s own deadline against the provider\'s circuit', async () => {
    const app = await startTestApp({ requestDeadlineMs: 100, knobs: { latencyMs: 400 }, circuitBreaker: { failureThreshold: 2, openMs: 60_000 } });
    try {
      for (let i = 0; i < 4; i += 1) {
        const response = await app.query('query($id: ID!) { payment(id: $id, provider: PRIMER) { id } }', { id: `pay_gen_${String(i)}` });
        expect(response.errors?.[0]?.extensions?.['code']).toBe('PROVIDER_TIMEOUT');
      }
      expect(app.registry.describe().PRIMER.circuit).toBe('closed');
    } finally {
      await app.close();
    }
  });

  it('still opens the circuit when the provider itself is too slow', async () => {
    const app = await startTestApp({ calls: { totalTimeoutMs: 100 }, knobs: { latencyMs: 400 }, circuitBreaker: { failureThreshold: 2, openMs: 60_000 } });
    try {
      for (let i = 0; i < 2; i += 1) await app.query('query($id: ID!) { payment(id: $id, provider: PRIMER) { id } }', { id: `pay_gen_${String(i)}` });
      expect(app.registry.describe().PRIMER.circuit).toBe('open');
    } finally {
      await app.close();
    }
  });
});
