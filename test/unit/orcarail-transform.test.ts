import { describe, expect, it } from 'vitest';
import { ORCARAIL_PAYMENTS, ORCARAIL_SEED_EXAMPLE } from '../../src/providers/orcarail/fixtures.js';
import { readOrcarailStatus, transformOrcarailIntent } from '../../src/providers/orcarail/transform.js';
import { camelCaseKeys, ORCARAIL_STATUSES, orcarailIntentSchema } from '../../src/providers/orcarail/wire.js';
import { money } from '../helpers/money.js';

const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => {
  const wire = orcarailIntentSchema.parse(camelCaseKeys(body));
  return transformOrcarailIntent(wire, { id: wire.id, fetchedAt });
};
const transfer = (status: string, amount: string, currency: string) => ({
  id: 'txn_1',
  status,
  amount,
  currency,
  hash: status === 'completed' ? '0xabc' : null,
  createdAt: '2026-11-20T10:20:00.000Z',
});

describe('OrcaRail transform', () => {
  it('maps the seed\'s own example', () => {
    const payment = transform(ORCARAIL_SEED_EXAMPLE);
    expect(payment).toMatchObject({
      id: '550e8400-e29b-41d4-a716-446655440000',
      provider: 'ORCARAIL',
      status: 'CAPTURED',
      providerStatus: 'succeeded',
      isFinal: true,
      amount: money(10_000, 'USD'),
      capturedAmount: money(10_000, 'USD'),
      orderId: '12345',
      customer: { id: '67890' },
      paymentMethodType: 'crypto',
      description: 'Payment for services',
      processor: { name: 'ORCARAIL', transactionId: 'txn_1234567890' },
      transactions: [
        { id: 'txn_1234567890', type: 'SALE', status: 'CAPTURED', providerStatus: 'completed', blockchainHash: '0x1234567890abcdef...' },
      ],
    });
    expect(payment.createdAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    // Succeeded: no link to send the buyer to.
    expect(payment.nextAction).toBeUndefined();
  });

  it('accepts the SDK\'s snake_case shape and never exposes client_secret', () => {
    const payment = transform(ORCARAIL_PAYMENTS['pi_completed_snake_case']);
    expect(payment.status).toBe('CAPTURED');
    expect(payment.paymentMethodType).toBe('crypto');
    expect(JSON.stringify(payment, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('pi_secret');
  });

  it('points a waiting intent at its payment link', () => {
    const payment = transform(ORCARAIL_PAYMENTS['pi_requires_payment_method']);
    expect(payment.status).toBe('REQUIRES_PAYMENT_METHOD');
    expect(payment.nextAction).toMatchObject({ type: 'PAYMENT_LINK', url: expect.stringMatching(/^https:\/\/pay\.orcarail\.com\/pay\//) as string });
  });

  it('reads an intent past expiresAt that never succeeded as EXPIRED, with no link', () => {
    const payment = transform(ORCARAIL_PAYMENTS['pi_expired']);
    expect(payment.status).toBe('EXPIRED');
    expect(payment.nextAction).toBeUndefined();
    const succeededLate = transform({ ...ORCARAIL_SEED_EXAMPLE, expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(succeededLate.status).toBe('CAPTURED');
  });

  it('keeps a processing intent open past expiresAt: its funds may still land on chain', () => {
    const payment = transform({ ...ORCARAIL_SEED_EXAMPLE, status: 'processing', expiresAt: '2020-01-01T00:00:00.000Z', latestTransaction: transfer('pending', '100.00', 'usd') });
    expect(payment).toMatchObject({ status: 'PROCESSING', isFinal: false, capturedAmount: money(0, 'USD') });
  });

  it('keeps decimal strings exact', () => {
    expect(transform({ ...ORCARAIL_SEED_EXAMPLE, amount: '0.29' }).amount?.minorUnits).toBe(29n);
    expect(orcarailIntentSchema.safeParse({ ...ORCARAIL_SEED_EXAMPLE, amount: 100 }).success).toBe(false);
  });

  it.each([
    ['usdt', '99.123456', money(99_123_456, 'USDT', 6)],
    ['usdc', '250.5', money(250_500_000, 'USDC', 6)],
    ['btc', '0.00042', money(42_000, 'BTC', 8)],
    ['eth', '12.000000000000000001', money(12_000_000_000_000_000_001n, 'ETH', 18)],
  ])('reads %s amounts in the asset\'s own decimals, transaction included', (currency, amount, expected) => {
    const payment = transform({ ...ORCARAIL_SEED_EXAMPLE, currency, amount, latestTransaction: transfer('completed', amount, currency) });
    expect(payment).toMatchObject({ status: 'CAPTURED', amount: expected, capturedAmount: expected, transactions: [{ amount: expected }] });
  });

  it('reads a transaction in its own currency, never the intent\'s', () => {
    // A USD intent paid with USDT: 99.123456 is exact in USDT and would not be in USD.
    const payment = transform({ ...ORCARAIL_SEED_EXAMPLE, status: 'processing', latestTransaction: transfer('completed', '99.123456', 'usdt') });
    expect(payment.transactions?.[0]?.amount).toEqual(money(99_123_456, 'USDT', 6));
    // Money arrived, but how much in USD is not proven until OrcaRail says the intent succeeded.
    expect(payment).toMatchObject({ status: 'PROCESSING', isFinal: false });
    expect(payment.capturedAmount).toBeUndefined();
  });

  it('takes what a completed transfer moved as captured, in the intent\'s currency', () => {
    const short = transform({ ...ORCARAIL_SEED_EXAMPLE, status: 'processing', latestTransaction: transfer('completed', '60.00', 'usd') });
    expect(short).toMatchObject({ status: 'PROCESSING', capturedAmount: money(6_000, 'USD'), authorizedAmount: money(6_000, 'USD') });
  });

  it('makes an unknown asset unreadable rather than guessing its decimals', () => {
    const payment = transform({ ...ORCARAIL_SEED_EXAMPLE, currency: 'doge', latestTransaction: null });
    expect(payment).toMatchObject({ status: 'CAPTURED', providerStatus: 'succeeded', unreadable: { amount: { problem: 'UNKNOWN_CURRENCY' } } });
    expect(payment.amount).toBeUndefined();
  });
});

describe('OrcaRail status mapping: every status of the seed\'s table, and `completed`', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  const past = new Date('2026-01-01T00:00:00.000Z');
  // [status while open, status past expiresAt]
  const expected = {
    requires_payment_method: [['REQUIRES_PAYMENT_METHOD', false], ['EXPIRED', true]],
    requires_confirmation: [['REQUIRES_CONFIRMATION', false], ['EXPIRED', true]],
    processing: [['PROCESSING', false], ['PROCESSING', false]],
    succeeded: [['CAPTURED', true], ['CAPTURED', true]],
    completed: [['CAPTURED', true], ['CAPTURED', true]],
    canceled: [['CANCELLED', true], ['CANCELLED', true]],
  } as const;

  it('covers every documented status', () => {
    expect(Object.keys(expected).sort()).toEqual([...ORCARAIL_STATUSES].sort());
  });

  it.each(Object.entries(expected))('%s → %j', (raw, [open, expired]) => {
    expect(readOrcarailStatus(raw, undefined, now)).toEqual({ status: open[0], isFinal: open[1] });
    expect(readOrcarailStatus(raw, past, now)).toEqual({ status: expired[0], isFinal: expired[1] });
  });

  it('maps anything else to UNKNOWN, not final', () => {
    expect(readOrcarailStatus('refunded', undefined, now)).toEqual({ status: 'UNKNOWN', isFinal: false });
  });
});
