import { describe, expect, it } from 'vitest';
import { KUIKPOS_PAYMENTS, KUIKPOS_SAMPLE_IDS } from '../../src/providers/kuikpos/fixtures.js';
import { mapKuikposStatus, panParts, transformKuikposPayment } from '../../src/providers/kuikpos/transform.js';
import { KUIKPOS_STATUSES, kuikposPaymentSchema } from '../../src/providers/kuikpos/wire.js';

const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => transformKuikposPayment(kuikposPaymentSchema.parse(body), { fetchedAt });

/** Every field of the seed's `ApiPaymentResponse` table (seed 001), with its documented example values. */
const SEED_BODY = {
  paymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orderId: 'ORDER-2023-0001',
  amount: 100.5,
  installmentCount: 3,
  currency: 'TRY',
  merchantCommission: 2.35,
  status: 'SUCCESS',
  paymentDate: '2023-05-01T14:30:00Z',
  cardHolderName: 'John Doe',
  pan: '411111******1111',
  domInt: 'DOM',
  cardScheme: 'VISA',
  cardType: 'CREDIT',
  loyaltyCode: 'WORLD',
  externalTransactionId: 'EXT-998877',
  authCode: '654321',
  resultCode: '00',
  resultMessage: 'Approved',
  customerId: 'CUST-42',
};

describe('KuikPOS transform', () => {
  it('maps every field of the seed\'s response table', () => {
    const payment = transform(SEED_BODY);
    expect(payment).toMatchObject({
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      provider: 'KUIKPOS',
      status: 'CAPTURED',
      providerStatus: 'SUCCESS',
      amount: { minorUnits: 10_050n, currency: 'TRY' },
      capturedAmount: { minorUnits: 10_050n, currency: 'TRY' },
      merchantFee: { minorUnits: 235n, currency: 'TRY' },
      installments: 3,
      orderId: 'ORDER-2023-0001',
      customer: { id: 'CUST-42' },
      card: { network: 'VISA', bin: '411111', last4: '1111', holderName: 'John Doe', funding: 'CREDIT', isDomestic: true, loyaltyProgram: 'WORLD' },
      processor: { name: 'KUIKPOS', transactionId: 'EXT-998877', authorizationCode: '654321', responseCode: '00', responseMessage: 'Approved' },
      transactions: [{ type: 'SALE', status: 'CAPTURED', processorTransactionId: 'EXT-998877', amount: { minorUnits: 10_050n } }],
    });
    expect(payment.createdAt?.toISOString()).toBe('2023-05-01T14:30:00.000Z');
  });

  it('converts major-unit numbers to minor units exactly, by the currency\'s exponent', () => {
    expect(transform({ ...SEED_BODY, amount: 0.29, currency: 'USD' }).amount).toEqual({ minorUnits: 29n, currency: 'USD' });
    expect(transform({ ...SEED_BODY, amount: 1234, merchantCommission: 12, currency: 'JPY' }).amount).toEqual({ minorUnits: 1_234n, currency: 'JPY' });
    expect(transform({ ...SEED_BODY, amount: 1.234, currency: 'KWD' }).amount).toEqual({ minorUnits: 1_234n, currency: 'KWD' });
    expect(() => transform({ ...SEED_BODY, amount: 1.234, currency: 'TRY' })).toThrow('more decimals');
  });

  it('takes only BIN and last four from the PAN, even if a full PAN is sent', () => {
    expect(panParts('411111******1111')).toEqual({ bin: '411111', last4: '1111' });
    expect(panParts('5555 55** **** 4444')).toEqual({ bin: '555555', last4: '4444' });
    expect(panParts('4111111111111111')).toEqual({ bin: '411111', last4: '1111' });
    expect(panParts('garbage')).toEqual({});
    const payment = transform({ ...SEED_BODY, pan: '4111111111111111' });
    expect(JSON.stringify(payment, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('4111111111111111');
  });

  it('reads a successful pre-authorization as AUTHORIZED with nothing captured', () => {
    const payment = transform(KUIKPOS_PAYMENTS[KUIKPOS_SAMPLE_IDS.preAuthorized]);
    expect(payment.status).toBe('AUTHORIZED');
    expect(payment.capturedAmount?.minorUnits).toBe(0n);
    expect(payment.transactions?.[0]?.type).toBe('AUTHORIZATION');
  });

  it('explains a failure and masks the PAN in the bank\'s message', () => {
    const payment = transform(KUIKPOS_PAYMENTS[KUIKPOS_SAMPLE_IDS.failed]);
    expect(payment.statusReason).toEqual({ code: '51', message: 'Yetersiz bakiye / insufficient funds 411111******1111' });
  });

  it('marks international use', () => {
    expect(transform(KUIKPOS_PAYMENTS[KUIKPOS_SAMPLE_IDS.international]).card?.isDomestic).toBe(false);
  });
});

describe('KuikPOS status mapping', () => {
  it.each([
    ['SUCCESS', 'CAPTURED'],
    ['FAILED', 'FAILED'],
    ['ENROLLED', 'REQUIRES_ACTION'],
    ['CANCELLED', 'CANCELLED'],
    ['REFUNDED', 'UNKNOWN'],
    ['success', 'UNKNOWN'],
  ])('%s → %s', (raw, unified) => {
    expect(mapKuikposStatus(raw, false)).toBe(unified);
  });

  it('covers every status seen in the docs', () => {
    expect(KUIKPOS_STATUSES.map((s) => mapKuikposStatus(s, false))).not.toContain('UNKNOWN');
  });
});
