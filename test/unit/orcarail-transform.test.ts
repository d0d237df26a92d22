import { describe, expect, it } from 'vitest';
import { ORCARAIL_PAYMENTS, ORCARAIL_SEED_EXAMPLE } from '../../src/providers/orcarail/fixtures.js';
import { mapOrcarailStatus, transformOrcarailIntent } from '../../src/providers/orcarail/transform.js';
import { ORCARAIL_STATUSES, orcarailIntentBodySchema } from '../../src/providers/orcarail/wire.js';

const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => transformOrcarailIntent(orcarailIntentBodySchema.parse(body), { fetchedAt });

describe('OrcaRail transform', () => {
  it('maps the seed\'s own example', () => {
    const payment = transform(ORCARAIL_SEED_EXAMPLE);
    expect(payment).toMatchObject({
      id: '550e8400-e29b-41d4-a716-446655440000',
      provider: 'ORCARAIL',
      status: 'CAPTURED',
      providerStatus: 'succeeded',
      amount: { minorUnits: 10_000n, currency: 'USD' },
      capturedAmount: { minorUnits: 10_000n, currency: 'USD' },
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

  it('keeps decimal strings exact and leaves the amount out for a non-ISO currency', () => {
    expect(transform({ ...ORCARAIL_SEED_EXAMPLE, amount: '0.29' }).amount?.minorUnits).toBe(29n);
    const stablecoin = transform({ ...ORCARAIL_SEED_EXAMPLE, currency: 'usdc', latestTransaction: null });
    expect(stablecoin.amount).toBeUndefined();
    expect(stablecoin.providerStatus).toBe('succeeded');
    expect(orcarailIntentBodySchema.safeParse({ ...ORCARAIL_SEED_EXAMPLE, amount: 100 }).success).toBe(false);
  });
});

describe('OrcaRail status mapping', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  it.each([
    ['requires_payment_method', 'REQUIRES_PAYMENT_METHOD'],
    ['requires_confirmation', 'REQUIRES_CONFIRMATION'],
    ['processing', 'PROCESSING'],
    ['succeeded', 'CAPTURED'],
    ['completed', 'CAPTURED'],
    ['canceled', 'CANCELLED'],
    ['refunded', 'UNKNOWN'],
  ])('%s → %s', (raw, unified) => {
    expect(mapOrcarailStatus(raw, undefined, now)).toBe(unified);
  });

  it('covers every documented status', () => {
    expect(ORCARAIL_STATUSES.map((s) => mapOrcarailStatus(s, undefined, now))).not.toContain('UNKNOWN');
  });
});
