import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePathSegment } from '../../src/providers/http/json-http-client.js';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { PRIMER_PAYMENTS } from '../../src/providers/primer/fixtures.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

const PAYMENT_FIELDS = `id provider status providerStatus isFinal
  amount { minorUnits currency decimal } capturedAmount { decimal } refundedAmount { decimal } refundState
  orderId card { network last4 bin expiryMonth expiryYear holderName } processor { name transactionId responseMessage }
  statusReason { category code message } nextAction { type url description } fetchedAt`;

const PAYMENT = `query Payment($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) { ${PAYMENT_FIELDS} } }`;
const PAYMENTS = `query Payments($refs: [PaymentRef!]!) { payments(refs: $refs) { id provider status } }`;


describe('a deployment without credentials that does not simulate (production)', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await startTestApp({ simulate: false });
  });
  afterAll(() => bare.close());

  it('answers every provider with PROVIDER_NOT_CONFIGURED and says so in readiness', async () => {
    const response = await bare.query(PAYMENTS, {
      refs: [
        { id: 'pay_settled', provider: 'PRIMER' },
        { id: 'pi_charged~1000~USD', provider: 'UCS' },
      ],
    });
    expect(response.data).toEqual({ payments: [null, null] });
    expect(response.errors?.map((e) => e.extensions)).toEqual([
      { code: 'PROVIDER_NOT_CONFIGURED', provider: 'PRIMER', retryable: false },
      { code: 'PROVIDER_NOT_CONFIGURED', provider: 'UCS', retryable: false },
    ]);
    const ready = (await (await fetch(`${bare.url}/ready`)).json()) as { providers: Record<string, { mode: string }> };
    expect(Object.values(ready.providers).map((p) => p.mode)).toEqual(Array(5).fill('not_configured'));
  });
});

describe('payments subgraph over HTTP, against the simulators', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Short timeouts so that stalls and hangs end quickly in tests.
    app = await startTestApp({ calls: { headersTimeoutMs: 1_000, bodyTimeoutMs: 300, totalTimeoutMs: 2_000 } });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });

  describe('payment', () => {
    it.each([
      ['pay_pending', 'PROCESSING', false],
      ['pay_pending_3ds', 'REQUIRES_ACTION', false],
      ['pay_authorized', 'AUTHORIZED', false],
      ['pay_settling', 'CAPTURED', false], // settlement pending
      ['pay_partially_settled', 'PARTIALLY_CAPTURED', false], // settlement still under way
      ['pay_settled', 'CAPTURED', true],
      ['pay_declined', 'DECLINED', true],
      ['pay_failed', 'FAILED', true],
      ['pay_cancelled', 'CANCELLED', true],
      ['pay_unknown_status', 'UNKNOWN', false],
    ])('Primer %s is %s', async (id, status, isFinal) => {
      const { data, errors } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id, provider: 'PRIMER' });
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ id, provider: 'PRIMER', status, isFinal, providerStatus: PRIMER_PAYMENTS[id]?.['status'] });
    });

    it.each([
      [GR4VY_SAMPLE_IDS.processing, 'PROCESSING'],
      [GR4VY_SAMPLE_IDS.buyerApprovalPending, 'REQUIRES_ACTION'],
      [GR4VY_SAMPLE_IDS.authorized, 'AUTHORIZED'],
      [GR4VY_SAMPLE_IDS.authorizationFailed, 'FAILED'],
      [GR4VY_SAMPLE_IDS.authorizationDeclined, 'DECLINED'],
      [GR4VY_SAMPLE_IDS.capturePending, 'PROCESSING'],
      [GR4VY_SAMPLE_IDS.captured, 'CAPTURED'],
      [GR4VY_SAMPLE_IDS.partiallyCaptured, 'PARTIALLY_CAPTURED'],
      [GR4VY_SAMPLE_IDS.voidPending, 'PROCESSING'],
      [GR4VY_SAMPLE_IDS.voided, 'CANCELLED'],
      [GR4VY_SAMPLE_IDS.refunded, 'CAPTURED'],
      [GR4VY_SAMPLE_IDS.unknownStatus, 'UNKNOWN'],
    ])('Gr4vy %s is %s', async (id, status) => {
      const { data, errors } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id, provider: 'GR4VY' });
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ id, provider: 'GR4VY', status });
    });

    it('serializes money exactly, with int64 minor units as strings', async () => {
      const { data } = await app.query<{ payment: { amount: unknown } }>(PAYMENT, { id: 'pay_large_idr', provider: 'PRIMER' });
      expect(data?.payment.amount).toEqual({ minorUnits: '10000000000', currency: 'IDR', decimal: '100000000.00' });
    });

    it('derives the refund state from the amounts', async () => {
      const partial = await app.query<{ payment: { refundState: string } }>(PAYMENT, { id: 'pay_partially_refunded', provider: 'PRIMER' });
      const full = await app.query<{ payment: { refundState: string } }>(PAYMENT, { id: 'pay_refunded', provider: 'PRIMER' });
      const none = await app.query<{ payment: { refundState: string } }>(PAYMENT, { id: 'pay_settled', provider: 'PRIMER' });
      expect([partial.data?.payment.refundState, full.data?.payment.refundState, none.data?.payment.refundState]).toEqual([
        'PARTIAL',
        'FULL',
        'NONE',
      ]);
    });

    it('answers an unknown id with null and PAYMENT_NOT_FOUND (Primer says so with HTTP 400 PaymentError)', async () => {
      for (const [provider, id] of [
        ['PRIMER', 'no_such_payment'],
        ['GR4VY', '11111111-2222-4333-8444-555555555555'],
      ] as const) {
        const response = await app.query<{ payment: null }>(PAYMENT, { id, provider });
        expect(response.status).toBe(200);
        expect(response.data).toEqual({ payment: null });
        expect(response.errors).toEqual([
          expect.objectContaining({ path: ['payment'], extensions: { code: 'PAYMENT_NOT_FOUND', provider, retryable: false } }),
        ]);
      }
    });

    it.each(['', 'a/b', '../admin', 'a?x=1', 'a#b', 'a%2F', 'x'.repeat(129), 'tab\there', 'nul\u0000'])(
      'refuses the malformed id %j with BAD_USER_INPUT before any provider call',
      async (id) => {
        const response = await app.query<{ payment: null }>(PAYMENT, { id, provider: 'PRIMER' });
        expect(response.data).toEqual({ payment: null });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'PRIMER' });
        expect(app.simulator('PRIMER').totalCalls).toBe(0);
      },
    );

    it('refuses a Gr4vy id that is not a UUID before calling Gr4vy', async () => {
      const response = await app.query(PAYMENT, { id: 'pay_settled', provider: 'GR4VY' });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'GR4VY' });
      expect(response.errors?.[0]?.message).toContain('UUID');
      expect(app.simulator('GR4VY').totalCalls).toBe(0);
    });

    it('refuses ids with characters the provider never uses before any call, and path-encodes what passes', async () => {
      // Issue 11: an allow-list per provider now stops these before the URL is built.
      for (const id of ['a b+c;d', '.', 'pay\u200Bsettled', 'pay\u202Esettled', 'ｐａｙ＿ｓｅｔｔｌｅｄ']) {
        const response = await app.query(PAYMENT, { id, provider: 'PRIMER' });
        expect(response.errors?.[0]?.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT' });
      }
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
      expect(encodePathSegment('a b+c;d')).toBe('a%20b%2Bc%3Bd');
    });

  });

  describe('provider faults (every fault class for every REST provider: providers.test.ts)', () => {
    it('passes Retry-After on as retryAfterSeconds', async () => {
      const response = await app.query(PAYMENT, { id: 'pay_fault_rate_limited', provider: 'PRIMER' });
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_RATE_LIMITED', provider: 'PRIMER', retryable: true, retryAfterSeconds: 2 });
    });

    it('names the provider and the problem in a bad-response message, without the body', async () => {
      const response = await app.query(PAYMENT, { id: 'pay_fault_wrong_shape', provider: 'PRIMER' });
      expect(response.errors?.[0]?.message).toBe('Primer sent a response this service cannot read: unexpected shape at id');
      expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .*\.ts:/);
    });
  });

  describe('payments', () => {
    it('returns the same length and order as refs, duplicates read once', async () => {
      const refs = [
        { id: GR4VY_SAMPLE_IDS.captured, provider: 'GR4VY' },
        { id: 'pay_settled', provider: 'PRIMER' },
        { id: 'missing', provider: 'PRIMER' },
        { id: 'pay_settled', provider: 'PRIMER' },
        { id: GR4VY_SAMPLE_IDS.voided, provider: 'GR4VY' },
      ];
      const response = await app.query<{ payments: Array<{ id: string; provider: string } | null> }>(PAYMENTS, { refs });
      expect(response.data?.payments.map((p) => (p ? `${p.provider}:${p.id}` : null))).toEqual([
        `GR4VY:${GR4VY_SAMPLE_IDS.captured}`,
        'PRIMER:pay_settled',
        null,
        'PRIMER:pay_settled',
        `GR4VY:${GR4VY_SAMPLE_IDS.voided}`,
      ]);
      expect(response.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['payments', 2], 'PAYMENT_NOT_FOUND']]);
      expect(app.batches).toHaveLength(1);
      expect(app.batches[0]?.keys).toHaveLength(4);
      expect(app.simulator('PRIMER').callsTo('/payments/pay_settled')).toBe(1);
    });

    it('keeps one provider\'s data when the other provider is entirely down', async () => {
      const gr4vy = app.simulator('GR4VY');
      gr4vy.knobs.errorRate = 1;
      try {
        const response = await app.query<{ payments: Array<{ id: string } | null> }>(PAYMENTS, {
          refs: [
            { id: 'pay_settled', provider: 'PRIMER' },
            { id: GR4VY_SAMPLE_IDS.captured, provider: 'GR4VY' },
            { id: 'pay_declined', provider: 'PRIMER' },
          ],
        });
        expect(response.data?.payments.map((p) => p?.id ?? null)).toEqual(['pay_settled', null, 'pay_declined']);
        expect(response.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['payments', 1], 'PROVIDER_UNAVAILABLE']]);
      } finally {
        gr4vy.knobs.errorRate = 0;
      }
    });

    it('refuses more refs than the maximum before calling any provider', async () => {
      const refs = Array.from({ length: 101 }, (_, i) => ({ id: `pay_${String(i)}`, provider: 'PRIMER' }));
      const response = await app.query(PAYMENTS, { refs });
      // Refused before execution (issue 11: counted per request, however written), so there is no data at all.
      expect(response.data).toBeUndefined();
      expect(response.status).toBe(400);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(response.errors?.[0]?.message).toContain('at most 100 refs');
      expect(app.simulator('PRIMER').totalCalls).toBe(0);
      expect(app.batches).toHaveLength(0);
    });

    it('answers an empty list with an empty list', async () => {
      expect((await app.query(PAYMENTS, { refs: [] })).data).toEqual({ payments: [] });
    });
  });

  describe('over GET', () => {
    const query = new URLSearchParams({ query: PAYMENT, variables: JSON.stringify({ id: 'pay_settled', provider: 'PRIMER' }) });

    it('reads the operation from the query string, also with a header sent twice', async () => {
      const response = await fetch(`${app.url}/graphql?${query.toString()}`, {
        headers: [['apollo-require-preflight', 'true'], ['x-probe', 'a'], ['x-probe', 'b']],
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { payment: { id: string; status: string } } };
      expect(body.data.payment).toMatchObject({ id: 'pay_settled', status: 'CAPTURED' });
    });

    it('refuses a GET without a preflight header (Apollo\'s CSRF prevention) before any provider call', async () => {
      const response = await fetch(`${app.url}/graphql?${query.toString()}`);
      expect(response.status).toBe(400);
      expect(app.batches).toEqual([]);
    });
  });

  describe('transactions', () => {
    const TRANSACTIONS = `query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) {
      transactions { id type status providerStatus amount { decimal currency } createdAt processorTransactionId reason } } }`;

    it('fetches Gr4vy refunds only when transactions are selected', async () => {
      await app.query(PAYMENT, { id: GR4VY_SAMPLE_IDS.refunded, provider: 'GR4VY' });
      expect(app.simulator('GR4VY').callsTo(`/transactions/${GR4VY_SAMPLE_IDS.refunded}/refunds`)).toBe(0);

      const { data } = await app.query<{ payment: { transactions: Array<{ type: string; amount: { decimal: string } }> } }>(TRANSACTIONS, {
        id: GR4VY_SAMPLE_IDS.refunded,
        provider: 'GR4VY',
      });
      expect(data?.payment.transactions.map((t) => [t.type, t.amount.decimal])).toEqual([
        ['SALE', '50.00'],
        ['REFUND', '20.00'],
        ['REFUND', '30.00'],
      ]);
      expect(app.simulator('GR4VY').callsTo(`/transactions/${GR4VY_SAMPLE_IDS.refunded}/refunds`)).toBe(1);
    });

    it('returns Primer transactions inline, refunds included', async () => {
      const { data } = await app.query<{ payment: { transactions: Array<{ type: string; reason: string | null }> } }>(TRANSACTIONS, {
        id: 'pay_refunded',
        provider: 'PRIMER',
      });
      expect(data?.payment.transactions.map((t) => [t.type, t.reason])).toEqual([
        ['SALE', null],
        ['REFUND', 'Order cancelled.'],
      ]);
      expect(app.simulator('PRIMER').totalCalls).toBe(1);
    });
  });

  describe('a client that goes away', () => {
    it('has its provider calls cancelled, not reported as provider timeouts or errors', async () => {
      const linesBefore = app.logs.lines.length;
      const controller = new AbortController();
      const pending = fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ payment(id: "pay_fault_stall", provider: PRIMER) { id } }' }),
        signal: controller.signal,
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      await pending;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(app.simulator('PRIMER').callsTo('/payments/pay_fault_stall')).toBe(1);
      const newLines = app.logs.lines.slice(linesBefore).join('');
      expect(newLines).not.toContain('payment lookup failed');
      expect(newLines).not.toContain('unexpected error');
    });
  });

  describe('health and readiness', () => {
    it('reports alive and ready with each provider\'s mode, without credentials', async () => {
      expect(await (await fetch(`${app.url}/health`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${app.url}/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { ready: boolean; providers: Record<string, { mode: string }> };
      expect(body.ready).toBe(true);
      expect(Object.values(body.providers).map((p) => p.mode)).toEqual(Array(5).fill('simulator'));
      expect(JSON.stringify(body)).not.toMatch(/sim_|sk_sim|ak_sim/);
    });
  });

  describe('hygiene', () => {
    it('never lets a full PAN, API key, JWT or private key into a response or a log line', async () => {
      const responses = await Promise.all([
        app.query(PAYMENT, { id: 'pay_declined', provider: 'PRIMER' }),
        app.query(PAYMENT, { id: GR4VY_SAMPLE_IDS.authorizationDeclined, provider: 'GR4VY' }),
        app.query(PAYMENT, { id: 'pay_fault_unauthorized', provider: 'PRIMER' }),
        app.query(PAYMENT, { id: '4111111111111111', provider: 'PRIMER' }),
        app.query('{ payment(id: 4111111111111111, provider: PRIMER) { id } }'),
        app.query(PAYMENT, { id: 'pay_fault_garbage', provider: 'PRIMER' }),
      ]);
      const everything = [...responses.map((r) => r.raw), app.logs.text].join('\n');
      expect(everything).not.toMatch(/4111 ?1111 ?1111 ?1111/);
      expect(everything).not.toMatch(/5555 ?5555 ?5555 ?4444/);
      expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      expect(everything).not.toMatch(/PRIVATE KEY/);
      expect(everything).not.toMatch(/sim_[0-9a-f]{32}/);
      expect(everything).not.toContain('client-token-secret');
      // The masked forms are what clients see.
      expect(responses[0]?.raw).toContain('411111******1111');
    });

    it('masks internal errors and never sends stack traces', async () => {
      const response = await app.query('{ payment(id: "x", provider: NOT_A_PROVIDER) { id } }');
      expect(response.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.raw).not.toContain('stacktrace');
    });
  });
});
