import { describe, expect, it } from 'vitest';
import { KUIKPOS_PAYMENTS, KUIKPOS_SAMPLE_IDS } from '../../src/providers/kuikpos/fixtures.js';
import { parseJsonText } from '../../src/providers/http/responses.js';
import {
  kuikposTransactionKind,
  panParts,
  readKuikposStatus,
  transformKuikposPayment,
  type KuikposTransactionKind,
} from '../../src/providers/kuikpos/transform.js';
import { KUIKPOS_STATUSES, kuikposPaymentSchema } from '../../src/providers/kuikpos/wire.js';
import { money } from '../helpers/money.js';

const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => {
  const wire = kuikposPaymentSchema.parse(body);
  return transformKuikposPayment(wire, { id: wire.paymentId, fetchedAt });
};
const try_ = (minor: number | bigint) => money(minor, 'TRY');

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
  it('maps every field of the seed\'s response table; without a transactionType, SUCCESS proves an authorization only', () => {
    const payment = transform(SEED_BODY);
    expect(payment).toMatchObject({
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      provider: 'KUIKPOS',
      status: 'AUTHORIZED',
      isFinal: false,
      providerStatus: 'SUCCESS',
      amount: try_(10_050),
      authorizedAmount: try_(10_050),
      merchantFee: try_(235),
      installments: 3,
      orderId: 'ORDER-2023-0001',
      customer: { id: 'CUST-42' },
      card: { network: 'VISA', bin: '411111', last4: '1111', holderName: 'John Doe', funding: 'CREDIT', isDomestic: true, loyaltyProgram: 'WORLD' },
      processor: { name: 'KUIKPOS', transactionId: 'EXT-998877', authorizationCode: '654321', responseCode: '00', responseMessage: 'Approved' },
      transactions: [{ type: 'UNKNOWN', status: 'AUTHORIZED', processorTransactionId: 'EXT-998877', amount: { minorUnits: 10_050n } }],
    });
    // Neither captured nor "nothing captured": unknown.
    expect(payment.capturedAmount).toBeUndefined();
    expect(payment.createdAt?.toISOString()).toBe('2023-05-01T14:30:00.000Z');
  });

  it('reads SUCCESS as CAPTURED, final, only for a stated sale', () => {
    expect(transform({ ...SEED_BODY, transactionType: 'SALE' })).toMatchObject({ status: 'CAPTURED', isFinal: true, capturedAmount: try_(10_050) });
    for (const transactionType of ['AUTH', 'PRE_AUTH', 'PreAuth', 'POST_AUTH', 'REFUND', '']) {
      const payment = transform({ ...SEED_BODY, transactionType });
      expect(payment, transactionType).toMatchObject({ status: 'AUTHORIZED', isFinal: false, authorizedAmount: try_(10_050) });
      expect(payment.capturedAmount?.minorUnits, transactionType).not.toBe(10_050n);
    }
  });

  it('keeps the payment when only its commission cannot be represented', () => {
    // 12.5 JPY: the yen has no decimals. Status and amount are exact, so they still arrive.
    const payment = transform({ ...SEED_BODY, transactionType: 'SALE', currency: 'JPY', amount: 1200, merchantCommission: 12.5 });
    expect(payment).toMatchObject({ status: 'CAPTURED', amount: money(1_200, 'JPY', 0), unreadable: { merchantFee: { problem: 'INEXACT_AMOUNT' } } });
    expect(payment.merchantFee).toBeUndefined();
  });

  it('reads amounts beyond 2^53 exactly, never rounded', () => {
    const body = parseJsonText(JSON.stringify(SEED_BODY).replace('"amount":100.5', '"amount":90071992547409.93'));
    expect(transform(body).amount).toEqual(try_(9_007_199_254_740_993n));
    const huge = parseJsonText(JSON.stringify(SEED_BODY).replace('"amount":100.5', '"amount":123456789012345678901'));
    expect(transform(huge).amount).toEqual(try_(12_345_678_901_234_567_890_100n));
  });

  it('converts major-unit numbers to minor units exactly, by the currency\'s exponent', () => {
    expect(transform({ ...SEED_BODY, amount: 0.29, currency: 'USD' }).amount).toEqual(money(29, 'USD'));
    expect(transform({ ...SEED_BODY, amount: 1234, merchantCommission: 12, currency: 'JPY' }).amount).toEqual(money(1_234, 'JPY', 0));
    expect(transform({ ...SEED_BODY, amount: 1.234, currency: 'KWD' }).amount).toEqual(money(1_234, 'KWD', 3));
    const inexact = transform({ ...SEED_BODY, amount: 1.234, currency: 'TRY' });
    expect(inexact.amount).toBeUndefined();
    expect(inexact.unreadable?.amount?.reason).toContain('more decimals');
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
    expect(payment).toMatchObject({ status: 'AUTHORIZED', isFinal: false });
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

describe('KuikPOS status mapping: every status its docs show', () => {
  // KuikPOS publishes no enum: these are the seed's "e.g., SUCCESS, FAILED, ENROLLED" and its example's CANCELLED.
  const expected: Record<string, Record<KuikposTransactionKind, readonly [string, boolean]>> = {
    SUCCESS: { SALE: ['CAPTURED', true], PRE_AUTHORIZATION: ['AUTHORIZED', false], NOT_STATED: ['AUTHORIZED', false] },
    FAILED: { SALE: ['FAILED', true], PRE_AUTHORIZATION: ['FAILED', true], NOT_STATED: ['FAILED', true] },
    ENROLLED: { SALE: ['REQUIRES_ACTION', false], PRE_AUTHORIZATION: ['REQUIRES_ACTION', false], NOT_STATED: ['REQUIRES_ACTION', false] },
    CANCELLED: { SALE: ['CANCELLED', true], PRE_AUTHORIZATION: ['CANCELLED', true], NOT_STATED: ['CANCELLED', true] },
  };

  it('covers every status seen in the docs', () => {
    expect(Object.keys(expected).sort()).toEqual([...KUIKPOS_STATUSES].sort());
  });

  const cases = Object.entries(expected).flatMap(([raw, byKind]) =>
    Object.entries(byKind).map(([kind, [status, isFinal]]): [string, KuikposTransactionKind, string, boolean] => [raw, kind as KuikposTransactionKind, status, isFinal]),
  );

  it.each(cases)('%s, %s → %s (final: %s)', (raw, kind, status, isFinal) => {
    expect(readKuikposStatus(raw, kind)).toEqual({ status, isFinal });
  });

  it('maps anything else to UNKNOWN, not final', () => {
    expect(readKuikposStatus('REFUNDED', 'SALE')).toEqual({ status: 'UNKNOWN', isFinal: false });
    expect(readKuikposStatus('success', 'SALE')).toEqual({ status: 'UNKNOWN', isFinal: false });
  });

  it.each([
    ['SALE', 'SALE'],
    ['sale', 'SALE'],
    ['PRE_AUTH', 'PRE_AUTHORIZATION'],
    ['PREAUTH', 'PRE_AUTHORIZATION'],
    ['AUTH', 'PRE_AUTHORIZATION'],
    ['POST_AUTH', 'NOT_STATED'],
    [undefined, 'NOT_STATED'],
  ])('transactionType %s is %s', (raw, kind) => {
    expect(kuikposTransactionKind(raw)).toBe(kind);
  });
});
