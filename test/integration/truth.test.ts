import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { KUIKPOS_SAMPLE_IDS } from '../../src/providers/kuikpos/fixtures.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * Issue 10 through the real server, over HTTP and gRPC to the simulators: the subgraph never claims
 * more money moved, or a state more final, than the provider's body proves.
 */
const FULL = `query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) {
  id status providerStatus isFinal outcome amountSource refundState discrepancies
  amount { minorUnits decimal currency exponent } capturedAmount { minorUnits } refundedAmount { minorUnits decimal }
  merchantFee { decimal } transactions { type amount { decimal currency } } } }`;
const DECIMAL_ONLY = `query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) { status amount { decimal currency exponent } } }`;
const PAYMENTS = `query($refs: [PaymentRef!]!) { payments(refs: $refs) { id status } }`;

type Row = Record<string, unknown>;

describe('the truth about every payment', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });

  const read = (id: string, provider: string, query = FULL) => app.query<{ payment: Row | null }>(query, { id, provider });

  describe('the answer is the asked payment or an error', () => {
    it.each([
      ['PRIMER', 'pay_other_payment', 'pay_settled'],
      ['GR4VY', GR4VY_SAMPLE_IDS.otherPayment, GR4VY_SAMPLE_IDS.captured],
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.otherPayment, KUIKPOS_SAMPLE_IDS.success],
      ['ORCARAIL', 'pi_other_payment', 'pi_succeeded'],
      ['UCS', 'pi_other_payment~1000~USD', 'pi_charged~1000~USD'],
    ])('%s: a body for another payment is PROVIDER_BAD_RESPONSE, never served; the other payment arrives', async (provider, other, healthy) => {
      const response = await app.query<{ payments: Array<Row | null> }>(PAYMENTS, {
        refs: [
          { id: other, provider },
          { id: healthy, provider },
        ],
      });
      expect(response.data?.payments).toEqual([null, { id: healthy, status: 'CAPTURED' }]);
      expect(response.errors?.map((e) => [e.path, e.extensions?.['code'], e.extensions?.['provider']])).toEqual([
        [['payments', 0], 'PROVIDER_BAD_RESPONSE', provider],
      ]);
      expect(response.raw).not.toContain('someone_else');
      expect(app.logs.text).toContain('the body describes another payment than the one asked for');
    });
  });

  it('leaves out a secondary field of the wrong type, with a logged reason, and serves the payment', async () => {
    const { data, errors } = await app.query<{ payment: Row }>(
      'query($id: ID!) { payment(id: $id, provider: KUIKPOS) { status installments processor { responseCode } } }',
      { id: KUIKPOS_SAMPLE_IDS.oddSecondaryFields },
    );
    expect(errors).toBeUndefined();
    expect(data?.payment).toEqual({ status: 'CAPTURED', installments: null, processor: { responseCode: null } });
    const line = app.logs.lines.find((entry) => entry.includes('provider body fields left out'));
    expect(line).toBeDefined();
    expect(line).toContain('"provider":"KUIKPOS"');
    expect(line).toMatch(/"fields":\[("(installmentCount|resultCode)",?){2}\]/);
  });

  describe('refunds are first-class', () => {
    it('Primer: a refund shown only as a REFUND transaction reads as refunded, in one field too', async () => {
      const { data } = await read('pay_refunded_by_transaction', 'PRIMER');
      expect(data?.payment).toMatchObject({
        status: 'CAPTURED',
        isFinal: true,
        outcome: 'REFUNDED',
        refundState: 'FULL',
        refundedAmount: { minorUnits: '12999', decimal: '129.99' },
        discrepancies: [],
      });
    });

    it.each([
      ['pay_settled', 'PAID', 'NONE'],
      ['pay_partially_refunded', 'PARTIALLY_REFUNDED', 'PARTIAL'],
      ['pay_refunded', 'REFUNDED', 'FULL'],
    ])('Primer %s: outcome %s, refund state %s', async (id, outcome, refundState) => {
      expect((await read(id, 'PRIMER')).data?.payment).toMatchObject({ outcome, refundState, discrepancies: [] });
    });

    it.each([
      ['PRIMER', 'pay_over_refunded', 'REFUNDED_MORE_THAN_CAPTURED'],
      ['PRIMER', 'pay_refund_other_currency', 'REFUND_IN_OTHER_CURRENCY'],
      ['GR4VY', GR4VY_SAMPLE_IDS.overRefunded, 'REFUNDED_MORE_THAN_CAPTURED'],
    ])('%s %s: surfaced as %s and NEEDS_REVIEW, never folded into FULL', async (provider, id, discrepancy) => {
      const { data } = await read(id, provider);
      expect(data?.payment).toMatchObject({ refundState: 'INCONSISTENT', outcome: 'NEEDS_REVIEW', discrepancies: [discrepancy] });
    });

    it('UCS AUTO_REFUNDED is captured and fully refunded', async () => {
      const { data } = await read('pi_auto_refunded~1000~USD', 'UCS');
      expect(data?.payment).toMatchObject({ status: 'CAPTURED', refundState: 'FULL', outcome: 'REFUNDED', refundedAmount: { minorUnits: '1000' } });
    });
  });

  describe('finality from facts', () => {
    it.each([
      ['PRIMER', 'pay_settling', 'CAPTURED', false, 'PAID'],
      ['PRIMER', 'pay_partially_settled', 'PARTIALLY_CAPTURED', false, 'PAID'],
      ['GR4VY', GR4VY_SAMPLE_IDS.partiallyCaptured, 'PARTIALLY_CAPTURED', false, 'PAID'],
      ['UCS', 'pi_partial_charged_and_chargeable~1000~USD', 'PARTIALLY_CAPTURED', false, 'PAID'],
      ['UCS', 'pi_partial_charged~1000~USD', 'PARTIALLY_CAPTURED', true, 'PAID'],
      ['ORCARAIL', 'pi_processing_past_expiry', 'PROCESSING', false, 'PENDING'],
      ['ORCARAIL', 'pi_expired', 'EXPIRED', true, 'NOT_PAID'],
      ['UCS', 'pi_void_failed~1000~USD', 'AUTHORIZED', false, 'AUTHORIZED'],
      ['UCS', 'pi_capture_failed~1000~USD', 'AUTHORIZED', false, 'AUTHORIZED'],
    ])('%s %s is %s, final: %s, outcome %s', async (provider, id, status, isFinal, outcome) => {
      expect((await read(id, provider)).data?.payment).toMatchObject({ status, isFinal, outcome });
    });
  });

  describe('no capture without proof', () => {
    it.each([
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.successAuth, 'AUTHORIZED'],
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.successTypeNotStated, 'AUTHORIZED'],
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.success, 'CAPTURED'],
      ['GR4VY', GR4VY_SAMPLE_IDS.captureSucceededNothingCaptured, 'AUTHORIZED'],
      ['UCS', 'pi_adyen_authorised~5000~EUR', 'AUTHORIZED'],
      ['UCS', 'pi_partially_authorized~1000~USD', 'AUTHORIZED'],
    ])('%s %s is %s', async (provider, id, status) => {
      const { data } = await read(id, provider);
      expect(data?.payment).toMatchObject({ status });
      if (status === 'AUTHORIZED') expect(data?.payment?.['capturedAmount']).not.toEqual(data?.payment?.['amount']);
    });

    it('labels UCS\'s echoed amount as the caller\'s expectation', async () => {
      expect((await read('pi_charged~1000~USD', 'UCS')).data?.payment).toMatchObject({ amountSource: 'CALLER_EXPECTATION' });
      expect((await read('pay_settled', 'PRIMER')).data?.payment).toMatchObject({ amountSource: 'PROVIDER' });
    });
  });

  describe('money beyond ISO 4217, exact at any size', () => {
    it.each([
      ['pi_usdt', '99.123456', 'USDT', 6],
      ['pi_usdc', '250.500000', 'USDC', 6],
      ['pi_btc', '0.00420000', 'BTC', 8],
      ['pi_eth', '12.000000000000000001', 'ETH', 18],
    ])('OrcaRail %s: %s %s (%i decimals), transaction included', async (id, decimal, currency, exponent) => {
      const { data, errors } = await read(id, 'ORCARAIL', DECIMAL_ONLY);
      expect(errors).toBeUndefined();
      expect(data?.payment).toEqual({ status: 'CAPTURED', amount: { decimal, currency, exponent } });
    });

    it('says at minorUnits, with a code, when an ETH amount in wei is beyond Int64; decimal still reads it', async () => {
      const { data, errors } = await app.query<{ payment: Row }>(
        'query($id: ID!) { payment(id: $id, provider: ORCARAIL) { status amount { minorUnits } } }',
        { id: 'pi_eth' },
      );
      expect(data?.payment).toEqual({ status: 'CAPTURED', amount: null });
      expect(errors?.map((e) => [e.path, e.extensions?.['code'], e.extensions?.['reason']])).toEqual([
        [['payment', 'amount', 'minorUnits'], 'AMOUNT_NOT_REPRESENTABLE', 'OUT_OF_INT64_RANGE'],
      ]);
    });

    it('reads a USDT transfer on a USD intent in USDT, leaving the USD captured amount unproven', async () => {
      const { data, errors } = await read('pi_usdt_transfer_on_usd_intent', 'ORCARAIL');
      expect(errors).toBeUndefined();
      expect(data?.payment).toMatchObject({ status: 'PROCESSING', capturedAmount: null, transactions: [{ type: 'SALE', amount: { decimal: '99.123456', currency: 'USDT' } }] });
    });

    it('takes what a completed transfer moved as captured', async () => {
      expect((await read('pi_partial_transfer', 'ORCARAIL')).data?.payment).toMatchObject({ status: 'PROCESSING', capturedAmount: { minorUnits: '6000' } });
    });

    it.each([
      ['PRIMER', 'pay_int64_max', { minorUnits: '9223372036854775807', decimal: '92233720368547758.07', currency: 'IDR', exponent: 2 }],
      ['PRIMER', 'pay_historic_currency', { minorUnits: '12999', decimal: '129.99', currency: 'HRK', exponent: 2 }],
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.beyondFloatPrecision, { minorUnits: '9007199254740993', decimal: '90071992547409.93', currency: 'TRY', exponent: 2 }],
      ['UCS', 'pi_charged~1000~ISK', { minorUnits: '1000', decimal: '10.00', currency: 'ISK', exponent: 2 }],
      ['UCS', 'pi_charged~1000~MGA', { minorUnits: '1000', decimal: '1000', currency: 'MGA', exponent: 0 }],
    ])('%s %s reads exactly', async (provider, id, amount) => {
      const { data, errors } = await read(id, provider);
      expect(errors).toBeUndefined();
      expect(data?.payment?.['amount']).toEqual(amount);
    });

    it.each([
      ['PRIMER', 'pay_currency_without_decimals', 'amount', 'UNKNOWN_CURRENCY'],
      ['GR4VY', GR4VY_SAMPLE_IDS.nonIsoCurrency, 'amount', 'UNKNOWN_CURRENCY'],
      ['GR4VY', GR4VY_SAMPLE_IDS.negativeAmount, 'amount', 'NEGATIVE_AMOUNT'],
      ['KUIKPOS', KUIKPOS_SAMPLE_IDS.jpyFractionalCommission, 'merchantFee', 'INEXACT_AMOUNT'],
    ])('%s %s: an unrepresentable %s is null with a coded error (%s), the payment still arrives', async (provider, id, field, reason) => {
      const { data, errors } = await read(id, provider);
      expect(data?.payment).toMatchObject({ [field]: null });
      expect(data?.payment?.['status']).toEqual(expect.any(String));
      expect(errors?.find((e) => e.path?.join('.') === `payment.${field}`)?.extensions).toEqual({
        code: 'AMOUNT_NOT_REPRESENTABLE',
        provider,
        retryable: false,
        reason,
      });
      expect(app.logs.text).toContain('"msg":"amount not representable"');
    });
  });
});
