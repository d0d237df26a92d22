import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/app-config.js';
import { ConfigError } from '../../src/env/env-helpers.js';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from '../../src/providers/http/responses.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * Red team, issue 11 points 5 and 6: client mistakes are client errors (coded, logged at info, never
 * INTERNAL_SERVER_ERROR with a stack), and the HTTP surface gives nothing away. Plus the probes that
 * already held: batching off, CSRF prevention, the body limit.
 */
const providerCalls = (app: TestApp) => [...app.registry.simulators.values()].reduce((sum, simulator) => sum + simulator.totalCalls, 0);

async function post(app: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

describe('red team: client mistakes are client errors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ production: true });
  });
  afterAll(() => app.close());

  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
  it.each([
    ['a persisted-query hash that does not match its query', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, 'BAD_REQUEST'],
    ['persisted-query version 2', { extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } }, 'BAD_REQUEST'],
    ['an unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }, 'PERSISTED_QUERY_NOT_FOUND'],
    ['a mutation', { query: 'mutation { x }' }, 'BAD_REQUEST'],
    ['a subscription over POST', { query: 'subscription { paymentUpdated(id: "pay_pending", provider: PRIMER) { id } }' }, 'BAD_REQUEST'],
    ['_entities with an unknown __typename', { query: entities, variables: { r: [{ __typename: 'Nope', id: 'x' }] } }, 'BAD_USER_INPUT'],
    ['_entities without a __typename', { query: entities, variables: { r: [{ id: 'x', provider: 'PRIMER' }] } }, 'BAD_USER_INPUT'],
    ['a lone surrogate in an id', { query: 'query($id: ID!) { payment(id: $id, provider: PRIMER) { id } }', variables: { id: 'pay\uD800settled' } }, 'BAD_USER_INPUT'],
    ['a UCS id of dots', { query: 'query($id: ID!) { payment(id: $id, provider: UCS) { id } }', variables: { id: '..~1000~USD' } }, 'BAD_USER_INPUT'],
  ])('%s → %s, logged at info, no provider call', async (_case, body, code) => {
    resetCounters(app);
    const before = app.logs.lines.length;
    const response = await post(app, body);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(response.text).not.toMatch(/INTERNAL_SERVER_ERROR|stack|at \S+ \(/);
    const lines = app.logs.lines.slice(before).join('');
    expect(lines).not.toContain('unexpected error');
    expect(lines).not.toContain('"level":50');
    expect(providerCalls(app)).toBe(0);
  });

  it.each(['PRIMER', 'KUIKPOS', 'ORCARAIL', 'GR4VY'])('keeps ids with characters %s never uses out of its URL: ".", bidi, zero-width, fullwidth', async (provider) => {
    resetCounters(app);
    for (const id of ['.', 'pay\u202Esettled', 'pay\u200Bsettled', 'pay\u2066x', 'ｐａｙ＿ｓｅｔｔｌｅｄ']) {
      const response = await post(app, { query: `query($id: ID!) { payment(id: $id, provider: ${provider}) { id } }`, variables: { id } });
      expect(response.body.errors?.[0]?.extensions?.['code'], `${provider} ${JSON.stringify(id)}`).toBe('BAD_USER_INPUT');
    }
    expect(providerCalls(app)).toBe(0);
  });

  it('gives no "Did you mean" hints in production', async () => {
    const response = await post(app, { query: '{ paymen(id: "x", provider: PRIMER) { id } }' });
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.text).not.toContain('Did you mean');
  });

  it('still refuses batches, simple (CSRF-able) requests and oversized bodies, with no provider call', async () => {
    resetCounters(app);
    const payment = '{ payment(id: "pay_settled", provider: PRIMER) { id } }';
    expect((await post(app, [{ query: payment }, { query: payment }])).status).toBe(400);
    expect((await post(app, JSON.stringify({ query: payment }), { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await post(app, JSON.stringify({ query: `${payment} #${'x'.repeat(1_100_000)}` }))).status).toBe(413);
    expect(providerCalls(app)).toBe(0);
  });

  it('routes Apollo\'s own messages through the JSON logger', () => {
    // Apollo announces inline tracing at start-up; it used to print a plain-text line on stdout.
    const line = app.logs.lines.find((entry) => entry.includes('inline tracing'));
    expect(line).toBeDefined();
    expect(() => JSON.parse(line!) as unknown).not.toThrow();
  });
});

describe('red team: HTTP hygiene', () => {
  it('marks GraphQL responses no-store and nosniff', async () => {
    const app = await startTestApp();
    try {
      const response = await post(app, { query: '{ payment(id: "pay_settled", provider: PRIMER) { id } }' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await app.close();
    }
  });

  it('shows in production only readiness, details only to the admin token, and never credentials in a target', async () => {
    const token = 'ops-token-0123456789abcdef';
    const live = loadConfig({ PRIMER_API_KEY: 'primer-live-key-123', PRIMER_BASE_URL: 'http://user:hunter2pass@127.0.0.1:9' }).liveProviders;
    const app = await startTestApp({ production: true, adminToken: token, live });
    try {
      const anonymous = await fetch(`${app.url}/ready`);
      expect(await anonymous.json()).toEqual({ ready: true, sharedState: { engine: 'memory', connected: true } });
      const operator = await (await fetch(`${app.url}/ready`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(operator).toContain('"circuit"');
      expect(operator).toContain('http://127.0.0.1:9');
      expect(operator).not.toMatch(/hunter2pass|user:/);
      expect(await (await fetch(`${app.url}/ready`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).json()).toEqual({ ready: true, sharedState: { engine: 'memory', connected: true } });
    } finally {
      await app.close();
    }
  });

  it('is not ready in production with no provider configured', async () => {
    const app = await startTestApp({ production: true, simulate: false });
    try {
      const ready = await fetch(`${app.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, sharedState: { engine: 'memory', connected: true } });
    } finally {
      await app.close();
    }
  });

  it('closes a connection whose body never finishes arriving', async () => {
    const app = await startTestApp({ httpLimits: { requestTimeoutMs: 400, headersTimeoutMs: 300 } });
    try {
      const { port } = new URL(app.url);
      const closedAfterMs = await new Promise<number>((resolve) => {
        const started = performance.now();
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":');
        });
        socket.on('data', () => undefined);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          resolve(performance.now() - started);
        });
      });
      // Node's default would hold it for 300 s.
      expect(closedAfterMs).toBeLessThan(5_000);
    } finally {
      await app.close();
    }
  });

  it('reads integer settings as decimal digits only', () => {
    for (const [variable, value] of [['PORT', '0b11'], ['PAYMENTS_MAX_REFS', '0x10'], ['PAYMENTS_MAX_REFS', '1e2'], ['PROVIDER_MAX_QUEUE', ' 12']] as const) {
      expect(() => loadConfig({ [variable]: value }), `${variable}=${value}`).toThrow(ConfigError);
    }
    expect(loadConfig({ PORT: '8080', PAYMENTS_MAX_REFS: '16' })).toMatchObject({ port: 8080, maxRefs: 16 });
  });

  it('passes at most an hour of Retry-After on to clients', () => {
    expect(parseRetryAfter('99999999999999999999')).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('2')).toBe(2);
    expect(parseRetryAfter(new Date(Date.now() + 10 * 86_400_000).toUTCString())).toBe(MAX_RETRY_AFTER_SECONDS);
  });
});
