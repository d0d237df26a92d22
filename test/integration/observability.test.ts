import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';

/** Issue 12 (part): Prometheus metrics on /metrics, and request ids that join the gateway's logs, ours and the providers'. */
const PAYMENT = 'query OrderPage($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) { id status } }';

async function metricsText(app: TestApp, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${app.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('counts GraphQL requests by operation and outcome, provider calls by outcome and code, retries and batch sizes', async () => {
    await app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
    await app.query(PAYMENT, { id: 'pay_fault_bad_gateway', provider: 'PRIMER' });
    await app.query('query Dashboard($refs: [PaymentRef!]!) { payments(refs: $refs) { id } }', {
      refs: [
        { id: 'pay_settled', provider: 'PRIMER' },
        { id: 'pi_charged~1000~USD', provider: 'UCS' },
      ],
    });
    const text = await metricsText(app);
    expect(text).toMatch(/payments_graphql_requests_total\{operation="OrderPage",outcome="ok"\} 1/);
    expect(text).toMatch(/payments_graphql_requests_total\{operation="OrderPage",outcome="partial"\} 1/);
    expect(text).toMatch(/payments_graphql_request_duration_seconds_count\{operation="Dashboard",outcome="ok"\} 1/);
    expect(text).toMatch(/payments_provider_calls_total\{provider="PRIMER",outcome="ok",code="none"\} [2-9]/);
    // 502 is retried: three attempts, two retries.
    expect(text).toMatch(/payments_provider_calls_total\{provider="PRIMER",outcome="error",code="PROVIDER_UNAVAILABLE"\} 3/);
    expect(text).toMatch(/payments_provider_retries_total\{provider="PRIMER",code="PROVIDER_UNAVAILABLE"\} 2/);
    expect(text).toMatch(/payments_provider_call_duration_seconds_count\{provider="UCS",outcome="ok"\} 1/);
    expect(text).toMatch(/payments_loader_batch_size_count\{loader="payment"\} 3/);
    expect(text).toMatch(/payments_circuit_state\{provider="PRIMER"\} 0/);
    expect(text).toMatch(/payments_bulkhead_in_flight\{provider="UCS"\} 0/);
    expect(text).toMatch(/payments_process_cpu_seconds_total/);
  });

  it('counts reads merged into a call already in flight', async () => {
    const slow = await startTestApp({ knobs: { latencyMs: 150 } });
    try {
      await Promise.all([1, 2, 3].map(() => slow.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' })));
      expect(await metricsText(slow)).toMatch(/payments_single_flight_merges_total\{provider="PRIMER"\} 2/);
    } finally {
      await slow.close();
    }
  });

  it('keeps label values bounded: no ids, and at most 100 client-chosen operation names', async () => {
    for (let n = 0; n < 110; n += 1) await app.query(`query Op${String(n)} { __typename }`);
    await app.query('query  { __typename }');
    const text = await metricsText(app);
    const names = new Set([...text.matchAll(/payments_graphql_requests_total\{operation="([^"]+)"/g)].map((match) => match[1]));
    expect(names.size).toBeLessThanOrEqual(103);
    expect(names).toContain('other');
    expect(text).not.toContain('pay_settled');
  });

  it('shows metrics in production only to the admin token', async () => {
    const token = 'ops-token-0123456789abcdef';
    const production = await startTestApp({ production: true, adminToken: token });
    try {
      expect((await fetch(`${production.url}/metrics`)).status).toBe(403);
      expect(await metricsText(production, { authorization: `Bearer ${token}` })).toContain('payments_graphql_requests_total');
    } finally {
      await production.close();
    }
  });
});

describe('request ids', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const post = (headers: Record<string, string>, id: string, provider: string) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: PAYMENT, variables: { id, provider } }) });

  it('takes the gateway\'s x-request-id, answers with it, logs with it and sends it to the provider', async () => {
    const response = await post({ 'x-request-id': 'gw-req-42' }, 'pay_fault_unauthorized', 'PRIMER');
    expect(response.headers.get('x-request-id')).toBe('gw-req-42');
    expect(app.simulator('PRIMER').requests.at(-1)?.headers['x-request-id']).toBe('gw-req-42');
    expect(app.logs.lines.some((line) => line.includes('"reqId":"gw-req-42"') && line.includes('payment lookup failed'))).toBe(true);
    await post({ 'x-request-id': 'gw-req-43' }, 'pi_charged~1000~USD', 'UCS');
    expect(app.simulator('UCS').requests.at(-1)?.headers['x-request-id']).toBe('gw-req-43');
  });

  it('logs one summary line per failed provider attempt, retries included, under the request\'s ids', async () => {
    const retrying = await startTestApp({ retryPolicy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 100 } });
    try {
      await fetch(`${retrying.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'gw-req-77' },
        body: JSON.stringify({ query: PAYMENT, variables: { id: 'pay_fault_bad_gateway', provider: 'PRIMER' } }),
      });
      const attempts = retrying.logs.lines.filter((line) => line.includes('provider call failed')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(retrying.simulator('PRIMER').callsTo('/payments/pay_fault_bad_gateway')).toBe(3);
      expect(attempts).toHaveLength(3);
      for (const attempt of attempts) {
        expect(attempt).toMatchObject({ reqId: 'gw-req-77', provider: 'PRIMER', code: 'PROVIDER_UNAVAILABLE', upstreamStatus: 502, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown });
        expect(attempt['ms']).toEqual(expect.any(Number));
      }
      await retrying.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      expect(retrying.logs.lines.filter((line) => line.includes('provider call failed'))).toHaveLength(3);
    } finally {
      await retrying.close();
    }
  });

  it('makes its own id when the header is missing or not a sane id', async () => {
    const cases: Array<Record<string, string>> = [{}, { 'x-request-id': 'has spaces and\ttabs' }, { 'x-request-id': 'x'.repeat(200) }];
    for (const headers of cases) {
      const id = (await post(headers, 'pay_settled', 'PRIMER')).headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(app.simulator('PRIMER').requests.at(-1)?.headers['x-request-id']).toBe(id);
    }
  });
});

describe('the Grafana dashboard (docs/operations/grafana-dashboard.json)', () => {
  it('references only metrics the service exports', async () => {
    const app = await startTestApp();
    try {
      await app.query(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      const exported = new Set([...(await metricsText(app)).matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));
      const dashboard = JSON.parse(readFileSync(new URL('../../docs/operations/grafana-dashboard.json', import.meta.url), 'utf8')) as {
        panels: Array<{ targets: Array<{ expr: string }> }>;
      };
      const referenced = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...target.expr.matchAll(/\bpayments_[a-z_]+/g)].map((match) => match[0]))));
      expect(referenced.size).toBeGreaterThan(5);
      // A histogram is exported as one TYPE line; the dashboard reads its _bucket series.
      const unknown = [...referenced].filter((name) => !exported.has(name) && !exported.has(name.replace(/_(bucket|count|sum)$/, '')));
      expect(unknown).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('W3C trace context', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const post = (headers: Record<string, string>, id: string, provider: string) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: PAYMENT, variables: { id, provider } }) });

  it('continues the gateway\'s trace to every provider call, each call a child, with its tracestate', async () => {
    const headers = { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, tracestate: 'gw=abc' };
    await post(headers, 'pay_fault_unauthorized', 'PRIMER');
    const primer = app.simulator('PRIMER').requests.at(-1)?.headers;
    expect(primer?.['traceparent']).toMatch(new RegExp(`^00-${traceId}-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$`));
    expect(primer?.['tracestate']).toBe('gw=abc');
    await post(headers, 'pi_charged~1000~USD', 'UCS');
    expect(app.simulator('UCS').requests.at(-1)?.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('puts the trace and span ids on the request\'s log lines', () => {
    const line = app.logs.lines.find((entry) => entry.includes('payment lookup failed') && entry.includes(traceId));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ traceId, spanId: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, reqId: expect.any(String) as unknown });
  });

  it('starts a trace of its own for a missing or malformed traceparent', async () => {
    for (const traceparent of [undefined, 'garbage', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `ff-${traceId}-00f067aa0ba902b7-01`]) {
      await post(traceparent ? { traceparent } : {}, 'pay_settled', 'PRIMER');
      const sent = String(app.simulator('PRIMER').requests.at(-1)?.headers['traceparent']);
      expect(sent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      expect(sent).not.toContain(traceId);
    }
  });
});
