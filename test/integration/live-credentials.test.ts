import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/app-config.js';
import { primerSimulator } from '../../src/providers/primer/simulator.js';
import { HttpSimulator } from '../../src/simulation/http-simulator.js';
import { DEFAULT_JOURNEY_MS } from '../../src/simulation/simulator-base.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * With credentials set, a provider is served from its configured base URL — here a Primer
 * simulator the test runs as if it were Primer — and never from the embedded simulator.
 */
describe('a provider with credentials', () => {
  let upstream: HttpSimulator;
  let app: TestApp;
  let wrongKeyApp: TestApp;

  beforeAll(async () => {
    upstream = await HttpSimulator.start(primerSimulator({ apiKey: 'live-key-123', journeyMs: DEFAULT_JOURNEY_MS }));
    const live = loadConfig({ PRIMER_API_KEY: 'live-key-123', PRIMER_BASE_URL: upstream.url }).liveProviders;
    const wrong = loadConfig({ PRIMER_API_KEY: 'wrong-key-456', PRIMER_BASE_URL: upstream.url }).liveProviders;
    app = await startTestApp({ live });
    wrongKeyApp = await startTestApp({ live: wrong });
  });
  afterAll(async () => {
    await app.close();
    await wrongKeyApp.close();
    await upstream.close();
  });

  it('calls its configured base URL with its API key and API version 2.4', async () => {
    const response = await app.query<{ payment: { status: string } }>('{ payment(id: "pay_settled", provider: PRIMER) { status } }');
    expect(response.data?.payment.status).toBe('CAPTURED');
    expect(upstream.callsTo('/payments/pay_settled')).toBe(1);
    expect(upstream.requests[0]?.headers['x-api-key']).toBe('live-key-123');
    expect(upstream.requests[0]?.headers['x-api-version']).toBe('2.4');
    expect(app.registry.simulators.has('PRIMER')).toBe(false);
    expect(app.registry.describe().PRIMER).toMatchObject({ mode: 'live', target: upstream.url, circuit: 'closed' });
  });

  it('reports rejected credentials as PROVIDER_AUTH_FAILED, without the key anywhere', async () => {
    const response = await wrongKeyApp.query('{ payment(id: "pay_settled", provider: PRIMER) { status } }');
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_AUTH_FAILED', provider: 'PRIMER', retryable: false });
    expect(response.raw + wrongKeyApp.logs.text).not.toContain('wrong-key-456');
  });
});
