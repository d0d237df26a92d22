import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROVIDER_MODULES } from '../../src/providers/modules.js';
import { hmacSha256, type WebhookScheme } from '../../src/providers/webhooks/scheme.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

const SUBSCRIPTION = `subscription Watch($id: ID!, $provider: Provider!) {
  paymentUpdated(id: $id, provider: $provider) { id provider status isFinal outcome nextAction { type } }
}`;

interface Watched {
  id: string;
  status: string;
  isFinal: boolean;
  nextAction: { type: string } | null;
}

type Result = FormattedExecutionResult<{ paymentUpdated: Watched }, unknown>;

/** A graphql-ws client as a gateway or a browser would open one, to the app's own /graphql. */
function connect(app: TestApp, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: `${app.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Every result of one subscription until it completes (or errors at the protocol level). */
async function collect(client: Client, variables: Record<string, unknown>, query = SUBSCRIPTION): Promise<Result[]> {
  const results: Result[] = [];
  await new Promise<void>((resolve, reject) => {
    client.subscribe<{ paymentUpdated: Watched }>({ query, variables }, {
      next: (result) => {
        results.push(result);
      },
      error: reject,
      complete: resolve,
    });
  });
  return results;
}

/** A subscription left open: the results so far, and the way to leave. */
function open(client: Client, variables: Record<string, unknown>): { seen: Result[]; unsubscribe: () => void } {
  const seen: Result[] = [];
  const unsubscribe = client.subscribe<{ paymentUpdated: Watched }>({ query: SUBSCRIPTION, variables }, {
    next: (result) => {
      seen.push(result);
    },
    error: () => undefined,
    complete: () => undefined,
  });
  return { seen, unsubscribe };
}

/** The provider's webhook scheme: the same one its simulator signs with. */
function schemeOf(provider: 'PRIMER' | 'GR4VY' | 'KUIKPOS' | 'ORCARAIL'): WebhookScheme {
  const scheme = PROVIDER_MODULES[provider].webhook;
  if (!scheme) throw new Error(`${provider} sends no webhooks`);
  return scheme;
}

/** The payment's path on Primer's simulator, as the adapter sends it. */
const primerPath = (id: string) => `/payments/${id}`;

describe('paymentUpdated subscriptions and webhooks', () => {
  let app: TestApp;
  let client: Client;

  describe('webhook first, polling only far behind', () => {
    beforeAll(async () => {
      // Polls so rarely that only the simulator's webhook can explain a prompt update.
      app = await startTestApp({ knobs: { journeyMs: 400 }, pollPolicy: { firstDelayMs: 60_000, maxDelayMs: 60_000, factor: 2, jitter: 0 } });
      client = connect(app);
    });
    afterAll(async () => {
      await client.dispose();
      await app.close();
    });
    afterEach(() => { resetCounters(app); });

    it('sends a final payment once and completes', async () => {
      const results = await collect(client, { id: 'pay_settled', provider: 'PRIMER' });
      expect(results).toEqual([{ data: { paymentUpdated: { id: 'pay_settled', provider: 'PRIMER', status: 'CAPTURED', isFinal: true, outcome: 'PAID', nextAction: null } } }]);
      expect(app.simulator('PRIMER').callsTo(primerPath('pay_settled'))).toBe(1);
    });

    it('sends REQUIRES_ACTION at once, then CAPTURED when Primer\'s signed webhook arrives, then completes', async () => {
      const started = Date.now();
      const results = await collect(client, { id: 'pay_journey_webhook', provider: 'PRIMER' });
      expect(results.map((result) => result.data?.paymentUpdated.status)).toEqual(['REQUIRES_ACTION', 'CAPTURED']);
      expect(results[0]?.data?.paymentUpdated.nextAction).toEqual({ type: '3DS_AUTHENTICATION' });
      expect(results[1]?.data?.paymentUpdated.isFinal).toBe(true);
      // Well before the first poll (60 s): the webhook did it, with one live read of its own.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(app.simulator('PRIMER').callsTo(primerPath('pay_journey_webhook'))).toBe(2);
    });

    it('gives a payment the provider does not have its coded error, then completes', async () => {
      const results = await collect(client, { id: 'pay_nope', provider: 'PRIMER' });
      expect(results).toHaveLength(1);
      expect(results[0]?.data).toBeNull();
      expect(results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'PAYMENT_NOT_FOUND', provider: 'PRIMER' });
    });

    it('refuses a malformed id before any provider call', async () => {
      const results = await collect(client, { id: '../admin', provider: 'PRIMER' });
      expect(results[0]?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
    });

    it('serves only subscriptions over WebSocket: a query is refused with BAD_REQUEST', async () => {
      const error = await collect(client, { id: 'pay_settled', provider: 'PRIMER' }, 'query Q($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) { id } }').then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(JSON.stringify(error)).toContain('BAD_REQUEST');
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
    });

    it('applies the document limits to subscriptions too', async () => {
      const deep = `subscription { paymentUpdated(id: "pay_settled", provider: PRIMER) { ${'id '.repeat(1)}${'transactions { '.repeat(1)}${'id '.repeat(1)}} a1: id a2: id a3: id a4: id a5: id a6: id a7: id a8: id a9: id a10: id a11: id a12: id a13: id a14: id a15: id a16: id a17: id a18: id a19: id a20: id a21: id a22: id a23: id a24: id a25: id a26: id a27: id a28: id a29: id a30: id a31: id } }`;
      const error = await collect(client, {}, deep).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(JSON.stringify(error)).toMatch(/aliases/);
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
    });
  });

  describe('polling when no webhook comes', () => {
    beforeAll(async () => {
      app = await startTestApp({ knobs: { journeyMs: 500 }, simulatorWebhooks: false, pollPolicy: { firstDelayMs: 100, maxDelayMs: 400, factor: 2, jitter: 0.2 } });
      client = connect(app);
    });
    afterAll(async () => {
      await client.dispose();
      await app.close();
    });
    afterEach(() => { resetCounters(app); });

    it('reads on the backoff schedule, sends each change once, and stops reading when final', async () => {
      const results = await collect(client, { id: 'pay_journey_polled', provider: 'PRIMER' });
      expect(results.map((result) => result.data?.paymentUpdated.status)).toEqual(['REQUIRES_ACTION', 'CAPTURED']);
      const calls = app.simulator('PRIMER').callsTo(primerPath('pay_journey_polled'));
      // 500 ms journey read at 0, ~100, ~300 (+200), ~700 (+400): a handful of reads, not one per tick.
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(calls).toBeLessThanOrEqual(6);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(app.simulator('PRIMER').callsTo(primerPath('pay_journey_polled'))).toBe(calls);
    });

    it('stops reading the provider as soon as the subscriber leaves', async () => {
      const { seen, unsubscribe } = open(client, { id: 'pay_pending', provider: 'PRIMER' });
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]?.data?.paymentUpdated.status).toBe('PROCESSING');
      unsubscribe();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const calls = app.simulator('PRIMER').callsTo(primerPath('pay_pending'));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(app.simulator('PRIMER').callsTo(primerPath('pay_pending'))).toBe(calls);
    });

    it('keeps polling through a provider failure that may pass, without ending the subscription', async () => {
      const { seen, unsubscribe } = open(client, { id: 'pay_pending', provider: 'PRIMER' });
      await expect.poll(() => seen.length).toBe(1);
      app.simulator('PRIMER').knobs.errorRate = 1;
      const before = app.simulator('PRIMER').totalCalls;
      await expect.poll(() => app.simulator('PRIMER').totalCalls, { timeout: 3_000 }).toBeGreaterThan(before + 1);
      app.simulator('PRIMER').knobs.errorRate = 0;
      expect(seen).toHaveLength(1);
      unsubscribe();
    });
  });

  describe('POST /webhooks/<provider>', () => {
    beforeAll(async () => {
      app = await startTestApp({ simulatorWebhooks: false });
    });
    afterAll(async () => {
      await app.close();
    });
    afterEach(() => { resetCounters(app); });

    const secretOf = (provider: 'PRIMER' | 'GR4VY' | 'KUIKPOS' | 'ORCARAIL') => {
      const webhook = app.registry.get(provider)?.webhook;
      if (!webhook) throw new Error(`${provider} takes no webhooks`);
      return webhook.secret.reveal();
    };
    const deliver = (provider: string, headers: Record<string, string>, body: string) =>
      fetch(`${app.url}/webhooks/${provider}`, { method: 'POST', headers, body });

    it.each([
      ['PRIMER', 'pay_settled'],
      ['GR4VY', PROVIDER_MODULES.GR4VY.sampleIds.generated(7)],
      ['ORCARAIL', PROVIDER_MODULES.ORCARAIL.sampleIds.generated(7)],
    ] as const)('%s: a delivery signed as the provider signs it is accepted and read live once', async (provider, id) => {
      const { headers, body } = schemeOf(provider).sign(id, secretOf(provider), Date.now());
      const response = await deliver(provider.toLowerCase(), headers, body);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true });
      expect(app.simulator(provider).totalCalls).toBe(1);
    });

    it('KUIKPOS: the shared-secret scheme is accepted and read live once', async () => {
      const id = PROVIDER_MODULES.KUIKPOS.sampleIds.generated(3);
      const { headers, body } = schemeOf('KUIKPOS').sign(id, secretOf('KUIKPOS'), Date.now());
      expect((await deliver('kuikpos', headers, body)).status).toBe(200);
      expect(app.simulator('KUIKPOS').totalCalls).toBe(1);
    });

    it('refuses a bad signature (401), a replay (409), an old delivery (400), a signed non-event (400), and a provider without webhooks (404), none read', async () => {
      const { headers, body } = schemeOf('PRIMER').sign('pay_settled', secretOf('PRIMER'), Date.now());
      const forged = await deliver('primer', headers, body.replace('pay_settled', 'pay_refunded'));
      expect(forged.status).toBe(401);
      const wrongKey = schemeOf('PRIMER').sign('pay_settled', 'not-the-secret-at-all', Date.now());
      expect((await deliver('primer', wrongKey.headers, wrongKey.body)).status).toBe(401);
      expect((await deliver('primer', { 'content-type': 'application/json' }, body)).status).toBe(401);
      const old = schemeOf('GR4VY').sign(PROVIDER_MODULES.GR4VY.sampleIds.generated(1), secretOf('GR4VY'), Date.now() - 10 * 60_000);
      const stale = await deliver('gr4vy', old.headers, old.body);
      expect(stale.status).toBe(400);
      expect(JSON.stringify(await stale.json())).toContain('5 minutes');
      const notAnEvent = '{"hello":"world"}';
      const malformed = await deliver('primer', { 'content-type': 'application/json', 'x-signature-primary': hmacSha256(secretOf('PRIMER'), notAnEvent, 'base64') }, notAnEvent);
      expect(malformed.status).toBe(400);
      expect((await deliver('ucs', headers, body)).status).toBe(404);
      expect((await deliver('stripe', headers, body)).status).toBe(404);
      expect(app.simulator('PRIMER').totalCalls + app.simulator('GR4VY').totalCalls).toBe(0);

      expect((await deliver('primer', headers, body)).status).toBe(200);
      const replayed = await deliver('primer', headers, body);
      expect(replayed.status).toBe(409);
      expect(app.simulator('PRIMER').totalCalls).toBe(1);
    });

    it('answers 422 for a signed event about a payment the provider does not have, and publishes nothing', async () => {
      const { headers, body } = schemeOf('PRIMER').sign('pay_nope', secretOf('PRIMER'), Date.now());
      const response = await deliver('primer', headers, body);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    });

    it('answers 503 when the provider fails for a reason that may pass, so its redelivery is read again', async () => {
      const { headers, body } = schemeOf('PRIMER').sign('pay_authorized', secretOf('PRIMER'), Date.now());
      app.simulator('PRIMER').knobs.errorRate = 1;
      try {
        expect((await deliver('primer', headers, body)).status).toBe(503);
      } finally {
        app.simulator('PRIMER').knobs.errorRate = 0;
      }
      expect((await deliver('primer', headers, body)).status).toBe(200);
    });

    it('counts deliveries by outcome in /metrics, and logs no signature or secret', async () => {
      const { headers, body } = schemeOf('PRIMER').sign('pay_settled', secretOf('PRIMER'), Date.now());
      await deliver('primer', { ...headers, 'x-signature-primary': 'AAAA' }, body);
      const metrics = await (await fetch(`${app.url}/metrics`)).text();
      expect(metrics).toMatch(/payments_webhooks_total\{provider="PRIMER",outcome="BAD_SIGNATURE"\} [1-9]/);
      expect(app.logs.text).not.toContain(secretOf('PRIMER'));
      expect(app.logs.text).not.toContain(headers['x-signature-primary']);
    });
  });

  describe('inbound auth on the WebSocket', () => {
    const SECRET = 'gateway-secret-for-subscriptions-0123456789';
    beforeAll(async () => {
      app = await startTestApp({ production: true, env: { GATEWAY_SHARED_SECRET: SECRET } });
    });
    afterAll(async () => {
      await app.close();
    });

    it('closes a connection without the gateway secret with 4403 before any provider call', async () => {
      const stranger = connect(app);
      const error = await collect(stranger, { id: 'pay_settled', provider: 'PRIMER' }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect((error as { code?: number }).code).toBe(4403);
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
      await stranger.dispose();
    });

    it('serves a connection that sends the secret in connection_init, withholding personal data as queries do', async () => {
      const gateway = connect(app, { 'x-gateway-secret': SECRET });
      const results = await collect(gateway, { id: 'pay_settled', provider: 'PRIMER' }, 'subscription { paymentUpdated(id: "pay_settled", provider: PRIMER) { status customer { email } } }');
      expect(results[0]?.data?.paymentUpdated.status).toBe('CAPTURED');
      expect(results[0]?.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      await gateway.dispose();
    });
  });
});
