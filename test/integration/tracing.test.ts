import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/model/provider.js';
import { PROVIDER_MODULES } from '../../src/providers/modules.js';
import { PRIMER_LEAKY_ID } from '../../src/providers/primer/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { OtlpCollector, type CollectedSpan } from '../helpers/otlp-collector.js';

/**
 * Issue 12 point 2: OpenTelemetry spans for the HTTP request, the GraphQL operation, each loader
 * batch and every provider call, exported over OTLP/HTTP by the real SDK to a stand-in collector,
 * and the gateway's trace continued through all of them to the providers.
 */
const GATEWAY_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const GATEWAY_SPAN = '00f067aa0ba902b7';
const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;
const ERROR = 2;

const DASHBOARD = 'query Dashboard($refs: [PaymentRef!]!) { payments(refs: $refs) { id status } }';
/** A payment each simulator makes up; the numbers are unlikely to appear anywhere by chance. */
const ALL_FIVE = PROVIDERS.map((provider) => ({ id: PROVIDER_MODULES[provider].sampleIds.generated(731_946), provider }));

/** An app exporting to `collector`; its spans are flushed when it closes. */
function tracedApp(collector: OtlpCollector, env: Record<string, string> = {}) {
  return startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', ...env } });
}

const gatewayHeaders = (flags = '01') => ({ traceparent: `00-${GATEWAY_TRACE}-${GATEWAY_SPAN}-${flags}`, tracestate: 'gw=abc' });
const childrenOf = (spans: CollectedSpan[], parent: CollectedSpan) => spans.filter((span) => span.parentSpanId === parent.spanId);
const only = (spans: CollectedSpan[], name: string) => {
  const found = spans.filter((span) => span.name === name);
  expect(found.map((span) => span.name)).toEqual([name]);
  return found[0]!;
};

describe('tracing: one request, all five providers', () => {
  let collector: OtlpCollector;
  let app: TestApp;
  let spans: CollectedSpan[];
  beforeAll(async () => {
    collector = await OtlpCollector.start();
    app = await tracedApp(collector);
    const response = await app.query<{ payments: unknown[] }>(DASHBOARD, { refs: ALL_FIVE }, gatewayHeaders());
    expect(response.errors).toBeUndefined();
    expect(response.data?.payments).toHaveLength(5);
    await app.close();
    spans = collector.spans();
  });
  afterAll(() => collector.close());

  it('makes the HTTP request a server span, a child of the gateway\'s span in the gateway\'s trace', () => {
    const http = only(spans, 'POST /graphql');
    expect(http).toMatchObject({ kind: SERVER, traceId: GATEWAY_TRACE, parentSpanId: GATEWAY_SPAN, traceState: 'gw=abc' });
    expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });
    expect(http.resource['service.name']).toBe('payments-subgraph');
    expect(spans.every((span) => span.traceId === GATEWAY_TRACE)).toBe(true);
  });

  it('nests operation → loader batch → one client span per provider call, HTTP and gRPC', () => {
    const http = only(spans, 'POST /graphql');
    const operation = only(spans, 'query Dashboard');
    expect(operation).toMatchObject({ kind: INTERNAL, parentSpanId: http.spanId, attributes: { 'graphql.operation.type': 'query', 'graphql.operation.name': 'Dashboard' } });
    const batch = only(spans, 'payment batch');
    expect(batch).toMatchObject({ parentSpanId: operation.spanId, attributes: { 'payments.loader': 'payment', 'payments.batch.size': 5, 'payments.batch.failed': 0 } });
    const calls = childrenOf(spans, batch);
    expect(calls.map((call) => call.attributes['payments.provider']).sort()).toEqual(['GR4VY', 'KUIKPOS', 'ORCARAIL', 'PRIMER', 'UCS']);
    expect(calls.every((call) => call.kind === CLIENT)).toBe(true);
    const httpCalls = calls.filter((call) => call.name === 'GET');
    expect(httpCalls).toHaveLength(4);
    for (const call of httpCalls) expect(call.attributes).toMatchObject({ 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'http.response.status_code': 200 });
    const grpc = calls.find((call) => call.name === 'types.PaymentService/Get');
    expect(grpc?.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.service': 'types.PaymentService', 'rpc.method': 'Get', 'rpc.grpc.status_code': 0 });
  });

  it('sends each provider its own client span as the parent, with the gateway\'s tracestate', () => {
    const calls = spans.filter((span) => span.kind === CLIENT);
    for (const call of calls) {
      const provider = String(call.attributes['payments.provider']);
      const sent = app.simulator(provider as 'PRIMER').requests.at(-1)?.headers;
      expect(sent?.['traceparent'], provider).toBe(`00-${GATEWAY_TRACE}-${call.spanId}-01`);
      expect(sent?.['tracestate'], provider).toBe('gw=abc');
    }
  });
});

describe('tracing: failures, sampling and what never goes in a span', () => {
  let collector: OtlpCollector;
  beforeAll(async () => {
    collector = await OtlpCollector.start();
  });
  afterAll(() => collector.close());

  it('makes one failed client span per attempt, and logs with the id of the span each line belongs to', async () => {
    const before = collector.exports.length;
    const app = await tracedApp(collector);
    await app.query(DASHBOARD, { refs: [{ id: 'pay_fault_bad_gateway', provider: 'PRIMER' }] }, gatewayHeaders());
    await app.close();
    const spans = collector.spans(before);
    const batch = only(spans, 'payment batch');
    expect(batch.attributes['payments.batch.failed']).toBe(1);
    const attempts = childrenOf(spans, batch);
    // 502 is retried (src/resilience/retry-policy.ts): three attempts, each its own span.
    expect(attempts).toHaveLength(3);
    for (const attempt of attempts) {
      expect(attempt.status).toEqual({ code: ERROR, message: '502' });
      expect(attempt.attributes).toMatchObject({ 'http.response.status_code': 502, 'error.type': '502' });
    }
    const lines = app.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['traceId'] === GATEWAY_TRACE);
    const spanIdsOf = (message: string) => lines.filter((line) => line['msg'] === message).map((line) => line['spanId']);
    // Each attempt's line is the batch's; the error the caller gets is the operation's.
    expect(spanIdsOf('provider call failed')).toEqual([batch.spanId, batch.spanId, batch.spanId]);
    expect(spanIdsOf('payment lookup failed')).toEqual([only(spans, 'query Dashboard').spanId]);
  });

  it('follows the gateway\'s decision not to sample: nothing exported, the trace still continued', async () => {
    const before = collector.exports.length;
    const app = await tracedApp(collector);
    await app.query(DASHBOARD, { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] }, gatewayHeaders('00'));
    await app.close();
    expect(collector.spans(before)).toEqual([]);
    expect(app.simulator('PRIMER').requests.at(-1)?.headers['traceparent']).toMatch(new RegExp(`^00-${GATEWAY_TRACE}-(?!${GATEWAY_SPAN})[0-9a-f]{16}-00$`));
  });

  it('puts no personal data, credential, token or card number in any span', async () => {
    const app = await tracedApp(collector);
    const leaky = await app.query(
      'query Leaky($id: ID!) { payment(id: $id, provider: PRIMER) { id customer { email name phone } card { last4 holderName } processor { responseMessage } } }',
      { id: PRIMER_LEAKY_ID },
      gatewayHeaders(),
    );
    const everyone = await app.query('query Everyone($refs: [PaymentRef!]!) { payments(refs: $refs) { id customer { email } } }', { refs: ALL_FIVE }, gatewayHeaders());
    expect(leaky.data?.['payment']).toBeTruthy();
    expect(everyone.errors).toBeUndefined();
    await app.close();
    const exported = collector.exports.map((received) => received.body.toString('utf8')).join('\n');
    expect(exported).toContain(GATEWAY_TRACE);
    // What the providers were sent as credentials, and what the responses said about people.
    const credentials = PROVIDERS.flatMap((provider) =>
      app.simulator(provider).requests.flatMap((request) => [request.headers['x-api-key'], request.headers.authorization, request.headers['x-connector-config']]),
    );
    const secrets = credentials.filter((value): value is string => typeof value === 'string' && value.length > 8);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(exported).not.toContain(secret);
    const emails = [...`${leaky.raw}${everyone.raw}`.matchAll(/"email":"([^"]+)"/g)].map((match) => match[1]!);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(exported).not.toContain(email);
    expect(exported).not.toMatch(/4111111111111111|5555555555554444|eyJ[\w-]+\.[\w-]+\./);
    // Nor the ids callers asked for: they identify someone's payment, and traces are widely read.
    for (const { id } of ALL_FIVE) expect(exported).not.toContain(id);
  });

  it('exports OTLP protobuf by default, to <endpoint>/v1/traces', async () => {
    const before = collector.exports.length;
    const app = await startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.url}/` } });
    await app.query(DASHBOARD, { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] }, gatewayHeaders());
    await app.close();
    const received = collector.exports.slice(before);
    expect(received.map(({ path, contentType }) => ({ path, contentType }))).toEqual([{ path: '/v1/traces', contentType: 'application/x-protobuf' }]);
    expect(received[0]!.body.includes(Buffer.from(GATEWAY_TRACE, 'hex'))).toBe(true);
  });

  it('is off by default: no tracer, no export, the W3C ids still made', async () => {
    const before = collector.exports.length;
    const app = await startTestApp();
    await app.query(DASHBOARD, { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] }, gatewayHeaders());
    await app.close();
    expect(collector.exports.length).toBe(before);
    expect(app.simulator('PRIMER').requests.at(-1)?.headers['traceparent']).toMatch(new RegExp(`^00-${GATEWAY_TRACE}-[0-9a-f]{16}-01$`));
  });
});

describe('tracing: a collector that is down or silent', () => {
  it('answers as usual when the collector refuses connections', async () => {
    const gone = await OtlpCollector.start();
    const url = gone.url;
    await gone.close();
    const app = await startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: url } });
    const response = await app.query(DASHBOARD, { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] }, gatewayHeaders());
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    await app.close();
  });

  it('does not hold shutdown longer than its flush limit when the collector never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const app = await startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String((silent.address() as AddressInfo).port)}` } });
    await app.query(DASHBOARD, { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] }, gatewayHeaders());
    const started = performance.now();
    await app.close();
    // 2 s of flush (src/telemetry/otel-tracer.ts) and the server's own drain, well under the exporter's 10 s.
    expect(performance.now() - started).toBeLessThan(4_000);
    silent.closeAllConnections();
    silent.close();
  });
});
