import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/app-config.js';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { PROVIDER_MODULES } from '../../src/providers/modules.js';
import { KUIKPOS_SAMPLE_IDS } from '../../src/providers/kuikpos/fixtures.js';
import { PaymentStatus } from '../../src/providers/ucs/__generated__/types/PaymentStatus.js';
import { readUcsStatus } from '../../src/providers/ucs/transform.js';
import { FAULT_NAMES, type FaultName } from '../../src/simulation/faults.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

const PAYMENT = `query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) {
  id provider status providerStatus isFinal amount { minorUnits decimal currency } statusReason { code message } nextAction { type url } } }`;
const PAYMENTS = `query($refs: [PaymentRef!]!) { payments(refs: $refs) { id provider status } }`;

type HttpProvider = 'PRIMER' | 'GR4VY' | 'KUIKPOS' | 'ORCARAIL';
const HEALTHY: Record<HttpProvider, string> = {
  PRIMER: 'pay_settled',
  GR4VY: GR4VY_SAMPLE_IDS.captured,
  KUIKPOS: KUIKPOS_SAMPLE_IDS.success,
  ORCARAIL: 'pi_succeeded',
};
const faultId = (provider: HttpProvider, fault: FaultName): string => PROVIDER_MODULES[provider].sampleIds.faults!.idFor(fault);
const EXPECTED_FAULT_CODES: Record<FaultName, string> = {
  unauthorized: 'PROVIDER_AUTH_FAILED',
  rate_limited: 'PROVIDER_RATE_LIMITED',
  server_error: 'PROVIDER_UNAVAILABLE',
  bad_gateway: 'PROVIDER_UNAVAILABLE',
  gateway_timeout: 'PROVIDER_TIMEOUT',
  garbage: 'PROVIDER_BAD_RESPONSE',
  wrong_shape: 'PROVIDER_BAD_RESPONSE',
  truncated: 'PROVIDER_UNAVAILABLE',
  stall: 'PROVIDER_TIMEOUT',
  reset: 'PROVIDER_UNAVAILABLE',
  oversized: 'PROVIDER_BAD_RESPONSE',
};

describe('all five providers through the server, against their simulators', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ calls: { headersTimeoutMs: 1_000, bodyTimeoutMs: 300, totalTimeoutMs: 1_500 } });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });

  it('returns one payment per provider in one `payments` request, in order', async () => {
    const refs = [
      { id: 'pi_charged~1999~EUR', provider: 'UCS' },
      { id: 'pi_succeeded', provider: 'ORCARAIL' },
      { id: KUIKPOS_SAMPLE_IDS.success, provider: 'KUIKPOS' },
      { id: GR4VY_SAMPLE_IDS.authorized, provider: 'GR4VY' },
      { id: 'pay_declined', provider: 'PRIMER' },
    ];
    const response = await app.query<{ payments: Array<{ id: string; provider: string; status: string }> }>(PAYMENTS, { refs });
    expect(response.errors).toBeUndefined();
    expect(response.data?.payments).toEqual([
      { id: 'pi_charged~1999~EUR', provider: 'UCS', status: 'CAPTURED' },
      { id: 'pi_succeeded', provider: 'ORCARAIL', status: 'CAPTURED' },
      { id: KUIKPOS_SAMPLE_IDS.success, provider: 'KUIKPOS', status: 'CAPTURED' },
      { id: GR4VY_SAMPLE_IDS.authorized, provider: 'GR4VY', status: 'AUTHORIZED' },
      { id: 'pay_declined', provider: 'PRIMER', status: 'DECLINED' },
    ]);
    expect(app.batches).toHaveLength(1);
    for (const provider of ['PRIMER', 'GR4VY', 'KUIKPOS', 'ORCARAIL', 'UCS'] as const) expect(app.simulator(provider).totalCalls).toBe(1);
  });

  describe('KuikPOS', () => {
    it.each([
      [KUIKPOS_SAMPLE_IDS.success, 'CAPTURED', 'SUCCESS'],
      [KUIKPOS_SAMPLE_IDS.successInstallments, 'CAPTURED', 'SUCCESS'],
      [KUIKPOS_SAMPLE_IDS.preAuthorized, 'AUTHORIZED', 'SUCCESS'],
      [KUIKPOS_SAMPLE_IDS.successAuth, 'AUTHORIZED', 'SUCCESS'],
      [KUIKPOS_SAMPLE_IDS.successTypeNotStated, 'AUTHORIZED', 'SUCCESS'],
      [KUIKPOS_SAMPLE_IDS.failed, 'FAILED', 'FAILED'],
      [KUIKPOS_SAMPLE_IDS.enrolled, 'REQUIRES_ACTION', 'ENROLLED'],
      [KUIKPOS_SAMPLE_IDS.cancelled, 'CANCELLED', 'CANCELLED'],
      [KUIKPOS_SAMPLE_IDS.unknownStatus, 'UNKNOWN', 'REFUNDED'],
    ])('%s is %s', async (id, status, providerStatus) => {
      const { data, errors } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id, provider: 'KUIKPOS' });
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ id, status, providerStatus });
    });

    it('turns 100.50 TRY into 10050 minor units', async () => {
      const { data } = await app.query<{ payment: { amount: unknown } }>(PAYMENT, { id: KUIKPOS_SAMPLE_IDS.success, provider: 'KUIKPOS' });
      expect(data?.payment.amount).toEqual({ minorUnits: '10050', decimal: '100.50', currency: 'TRY' });
    });

    it('answers an amount that is not exact in its currency with an error at that field, the payment still arriving', async () => {
      const response = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id: KUIKPOS_SAMPLE_IDS.inexactAmount, provider: 'KUIKPOS' });
      expect(response.data?.payment).toMatchObject({ status: 'CAPTURED', amount: null });
      expect(response.errors?.map((e) => [e.path, e.extensions])).toEqual([
        [['payment', 'amount'], { code: 'AMOUNT_NOT_REPRESENTABLE', provider: 'KUIKPOS', retryable: false, reason: 'INEXACT_AMOUNT' }],
      ]);
    });

    it('answers an unknown id with PAYMENT_NOT_FOUND', async () => {
      const response = await app.query(PAYMENT, { id: '00000000-dead-4000-8000-000000000000', provider: 'KUIKPOS' });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'PAYMENT_NOT_FOUND', provider: 'KUIKPOS' });
    });
  });

  describe('OrcaRail', () => {
    it.each([
      ['550e8400-e29b-41d4-a716-446655440000', 'CAPTURED'],
      ['pi_requires_payment_method', 'REQUIRES_PAYMENT_METHOD'],
      ['pi_requires_confirmation', 'REQUIRES_CONFIRMATION'],
      ['pi_processing', 'PROCESSING'],
      ['pi_succeeded', 'CAPTURED'],
      ['pi_completed_snake_case', 'CAPTURED'],
      ['pi_canceled', 'CANCELLED'],
      ['pi_expired', 'EXPIRED'],
      ['pi_unknown_status', 'UNKNOWN'],
    ])('%s is %s', async (id, status) => {
      const { data, errors } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id, provider: 'ORCARAIL' });
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ id, status });
    });

    it('shows the payment link while the intent waits for the buyer', async () => {
      const { data } = await app.query<{ payment: { nextAction: { type: string; url: string } } }>(PAYMENT, {
        id: 'pi_requires_confirmation',
        provider: 'ORCARAIL',
      });
      expect(data?.payment.nextAction.type).toBe('PAYMENT_LINK');
      expect(data?.payment.nextAction.url).toMatch(/^https:\/\/pay\.orcarail\.com\/pay\//);
    });
  });

  describe('HTTP faults for every REST provider', () => {
    it.each((['PRIMER', 'GR4VY', 'KUIKPOS', 'ORCARAIL'] as const).flatMap((provider) => FAULT_NAMES.map((fault) => [provider, fault] as const)))(
      '%s %s',
      async (provider, fault) => {
        const response = await app.query<{ payments: Array<{ id: string } | null> }>(PAYMENTS, {
          refs: [
            { id: faultId(provider, fault), provider },
            { id: HEALTHY[provider], provider },
          ],
        });
        expect(response.data?.payments.map((p) => p?.id ?? null)).toEqual([null, HEALTHY[provider]]);
        expect(response.errors?.map((e) => [e.path, e.extensions?.['code'], e.extensions?.['provider']])).toEqual([
          [['payments', 0], EXPECTED_FAULT_CODES[fault], provider],
        ]);
      },
    );
  });

  describe('UCS over gRPC', () => {
    it.each(Object.keys(PaymentStatus) as Array<keyof typeof PaymentStatus>)('status %s', async (status) => {
      const id = `pi_${status.toLowerCase()}~1000~USD`;
      const { data, errors } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id, provider: 'UCS' });
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ id, provider: 'UCS', status: readUcsStatus(status).status, isFinal: readUcsStatus(status).isFinal, providerStatus: status });
      expect(app.simulator('UCS').callsTo(`pi_${status.toLowerCase()}`)).toBe(1);
    });

    it('reads an id without a capture method under MANUAL, so an Adyen authorization is never CHARGED by default', async () => {
      const safe = await app.query<{ payment: { status: string; isFinal: boolean } }>(PAYMENT, { id: 'pi_adyen_authorised~5000~EUR', provider: 'UCS' });
      const automatic = await app.query<{ payment: { status: string; amount: unknown } }>(PAYMENT, { id: 'pi_adyen_authorised~5000~EUR~AUTOMATIC', provider: 'UCS' });
      expect(safe.data?.payment).toMatchObject({ status: 'AUTHORIZED', isFinal: false });
      expect(automatic.data?.payment.status).toBe('CAPTURED');
      expect(automatic.data?.payment.amount).toEqual({ minorUnits: '5000', decimal: '50.00', currency: 'EUR' });
      expect(app.simulator('UCS').requests.map((request) => request.path)).toEqual(['pi_adyen_authorised', 'pi_adyen_authorised']);
    });

    it.each(['pi_charged', 'pi_charged~01000~USD', 'pi_charged~1000~usd', 'pi_charged~1000~USD~MANUAL', 'pi_charged~1000~USD~toString'])(
      'refuses %s as BAD_USER_INPUT naming the format, without calling UCS',
      async (id) => {
        const response = await app.query(PAYMENT, { id, provider: 'UCS' });
        expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', provider: 'UCS', retryable: false });
        expect(response.errors?.[0]?.message).toContain('<connector transaction id>~<amount in minor units>~<currency>');
        expect(app.simulator('UCS').totalCalls).toBe(0);
      },
    );

    it('keeps a decline reported in-band as payment data', async () => {
      const { data } = await app.query<{ payment: Record<string, unknown> }>(PAYMENT, { id: 'pi_declined_in_band~999~USD', provider: 'UCS' });
      expect(data?.payment).toMatchObject({ status: 'DECLINED', statusReason: { code: 'card_declined', message: 'Your card was declined.' } });
    });

    it.each([
      ['pi_fault_not_found', 'PAYMENT_NOT_FOUND'],
      ['no_such_transaction', 'PAYMENT_NOT_FOUND'],
      ['pi_error_in_band_404', 'PAYMENT_NOT_FOUND'],
      ['pi_fault_rate_limited', 'PROVIDER_RATE_LIMITED'],
      ['pi_fault_unauthenticated', 'PROVIDER_AUTH_FAILED'],
      ['pi_fault_permission_denied', 'PROVIDER_AUTH_FAILED'],
      ['pi_fault_unavailable', 'PROVIDER_UNAVAILABLE'],
      ['pi_fault_internal', 'PROVIDER_UNAVAILABLE'],
      ['pi_error_in_band_500', 'PROVIDER_UNAVAILABLE'],
      ['pi_fault_deadline_exceeded', 'PROVIDER_TIMEOUT'],
      ['pi_fault_stall', 'PROVIDER_TIMEOUT'],
      ['pi_fault_invalid_argument', 'PROVIDER_REJECTED'],
    ])('%s → %s, the other payment still arrives', async (connectorId, code) => {
      const response = await app.query<{ payments: Array<{ id: string } | null> }>(PAYMENTS, {
        refs: [
          { id: `${connectorId}~1000~USD`, provider: 'UCS' },
          { id: 'pi_charged~1000~USD', provider: 'UCS' },
        ],
      });
      expect(response.data?.payments.map((p) => p?.id ?? null)).toEqual([null, 'pi_charged~1000~USD']);
      expect(response.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['payments', 0], code]]);
    });
  });

  describe('credentials a provider rejects', () => {
    it('reads as PROVIDER_AUTH_FAILED for KuikPOS, OrcaRail and UCS, with no secret in the answer or the logs', async () => {
      const live = loadConfig({
        KUIKPOS_API_KEY: 'wrong-kp-key',
        KUIKPOS_API_SECRET: 'wrong-kp-secret',
        KUIKPOS_BASE_URL: app.simulator('KUIKPOS').url,
        ORCARAIL_API_KEY: 'ak_wrong',
        ORCARAIL_API_SECRET: 'sk_wrong_secret',
        ORCARAIL_BASE_URL: app.simulator('ORCARAIL').url,
        UCS_ADDRESS: app.simulator('UCS').url,
        UCS_CONNECTOR: 'Stripe',
        UCS_CONNECTOR_CONFIG: '{"api_key":"sk_test_wrong_ucs"}',
      }).liveProviders;
      const wrong = await startTestApp({ live });
      try {
        const response = await wrong.query(PAYMENTS, {
          refs: [
            { id: KUIKPOS_SAMPLE_IDS.success, provider: 'KUIKPOS' },
            { id: 'pi_succeeded', provider: 'ORCARAIL' },
            { id: 'pi_charged~1000~USD', provider: 'UCS' },
          ],
        });
        expect(response.errors?.map((e) => [e.extensions?.['provider'], e.extensions?.['code']])).toEqual([
          ['KUIKPOS', 'PROVIDER_AUTH_FAILED'],
          ['ORCARAIL', 'PROVIDER_AUTH_FAILED'],
          ['UCS', 'PROVIDER_AUTH_FAILED'],
        ]);
        expect(response.raw + wrong.logs.text).not.toMatch(/wrong-kp|sk_wrong|sk_test_wrong/);
      } finally {
        await wrong.close();
      }
    });
  });
});
