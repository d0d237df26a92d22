import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapPrimerStatus, transformPrimerPayment } from '../../src/providers/primer/transform.js';
import { PRIMER_PAYMENT_STATUSES, primerPaymentSchema } from '../../src/providers/primer/wire.js';
import { PRIMER_PAYMENTS } from '../../src/providers/primer/fixtures.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/primer/${name}`, import.meta.url), 'utf8'));
const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => transformPrimerPayment(primerPaymentSchema.parse(body), { fetchedAt });

describe('Primer transform', () => {
  it('maps the spec example body', () => {
    const payment = transform(fixture('spec-example.json'));
    expect(payment).toMatchObject({
      id: 'kHdEw9EG',
      provider: 'PRIMER',
      status: 'AUTHORIZED',
      providerStatus: 'AUTHORIZED',
      amount: { minorUnits: 42n, currency: 'EUR' },
      authorizedAmount: { minorUnits: 42n, currency: 'EUR' },
      capturedAmount: { minorUnits: 0n, currency: 'EUR' },
      refundedAmount: { minorUnits: 0n, currency: 'EUR' },
      orderId: 'order-abc',
      customer: { id: 'customer-123', email: 'customer123@gmail.com' },
      card: { network: 'VISA', last4: '1111', bin: '411111', expiryMonth: 12, expiryYear: 2030, holderName: 'John Biggins' },
      paymentMethodType: 'PAYMENT_CARD',
      processor: { name: 'STRIPE', merchantId: 'acct_stripe_1234', transactionId: '54c4eb5b3ef8a' },
      transactions: [{ type: 'SALE', status: 'AUTHORIZED', providerStatus: 'AUTHORIZED', processorTransactionId: '54c4eb5b3ef8a' }],
      metadata: [
        { key: 'productId', value: '123' },
        { key: 'merchantId', value: 'a13bsd62s' },
      ],
      fetchedAt,
    });
    // Primer's dates carry no offset and are documented as UTC.
    expect(payment.createdAt?.toISOString()).toBe('2021-02-21T15:36:16.367Z');
    expect(payment.updatedAt?.toISOString()).toBe('2021-02-21T15:36:17.133Z');
    // "UNKNOWN" BIN attributes are no information.
    expect(payment.card?.funding).toBeUndefined();
  });

  it('maps the seed page example, with its snake_case processor_merchant_id', () => {
    const payment = transform(fixture('seed-002.json'));
    expect(payment.processor?.merchantId).toBe('acct_stripe_1234');
    expect(payment.customer?.email).toBe('customer123@gmail.com');
    expect(payment.status).toBe('AUTHORIZED');
    expect(payment.createdAt?.toISOString()).toBe('2021-02-21T15:36:16.367Z');
  });

  it('accepts the spec property names transactionType/processorStatus and emailAddress', () => {
    const payment = transform({
      id: 'p1',
      status: 'SETTLED',
      currencyCode: 'USD',
      amount: 1000,
      customer: { emailAddress: 'a@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      transactions: [{ transactionType: 'REFUND', processorStatus: 'SETTLED', amount: 250, currencyCode: 'USD' }],
    });
    expect(payment.customer).toEqual({ email: 'a@example.com', name: 'Ada Lovelace' });
    expect(payment.transactions).toEqual([
      expect.objectContaining({ type: 'REFUND', status: 'CAPTURED', amount: { minorUnits: 250n, currency: 'USD' } }),
    ]);
    // SETTLED without amountCaptured: the whole amount was captured.
    expect(payment.capturedAmount).toEqual({ minorUnits: 1000n, currency: 'USD' });
  });

  it('tolerates unknown fields and missing optional sections', () => {
    const payment = transform({ id: 'p2', status: 'PENDING', somethingNew: { nested: true } });
    expect(payment).toMatchObject({ id: 'p2', status: 'PROCESSING' });
    expect(payment.amount).toBeUndefined();
    expect(payment.card).toBeUndefined();
    expect(payment.processor).toBeUndefined();
    expect(payment.customer).toBeUndefined();
  });

  it('reflects refunds in the amounts and the transactions', () => {
    const payment = transform(PRIMER_PAYMENTS['pay_partially_refunded']);
    expect(payment.capturedAmount?.minorUnits).toBe(12_999n);
    expect(payment.refundedAmount?.minorUnits).toBe(2_999n);
    expect(payment.transactions?.map((t) => t.type)).toEqual(['SALE', 'REFUND']);
    expect(payment.transactions?.[1]).toMatchObject({ amount: { minorUnits: 2_999n }, reason: 'Item returned.' });
  });

  it('masks a card number in the processor decline message', () => {
    const payment = transform(PRIMER_PAYMENTS['pay_declined']);
    expect(payment.status).toBe('DECLINED');
    expect(payment.statusReason).toEqual({
      category: 'ISSUER_DECLINED',
      code: 'INSUFFICIENT_FUNDS',
      message: 'Card 411111******1111 declined: insufficient funds',
      declineType: 'SOFT_DECLINE',
      advisedAction: 'RETRY_LATER',
    });
    expect(JSON.stringify(payment, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('4111 1111 1111 1111');
  });

  it('keeps int64 amounts exact', () => {
    expect(transform(PRIMER_PAYMENTS['pay_large_idr']).amount).toEqual({ minorUnits: 10_000_000_000n, currency: 'IDR' });
  });

  it('refuses a body without id or status, or with a non-integer amount', () => {
    expect(primerPaymentSchema.safeParse({ status: 'SETTLED' }).success).toBe(false);
    expect(primerPaymentSchema.safeParse({ id: 'x' }).success).toBe(false);
    expect(primerPaymentSchema.safeParse({ id: 'x', status: 'SETTLED', amount: 1.5 }).success).toBe(false);
  });
});

describe('Primer status mapping', () => {
  const expected = {
    PENDING: 'PROCESSING',
    FAILED: 'FAILED',
    AUTHORIZED: 'AUTHORIZED',
    SETTLING: 'CAPTURED',
    PARTIALLY_SETTLED: 'PARTIALLY_CAPTURED',
    SETTLED: 'CAPTURED',
    DECLINED: 'DECLINED',
    CANCELLED: 'CANCELLED',
  } as const;

  it('covers every documented status', () => {
    expect(Object.keys(expected).sort()).toEqual([...PRIMER_PAYMENT_STATUSES].sort());
  });

  it.each(Object.entries(expected))('%s → %s', (raw, unified) => {
    expect(mapPrimerStatus(raw, false)).toBe(unified);
  });

  it('PENDING with a required action needs the buyer', () => {
    expect(mapPrimerStatus('PENDING', true)).toBe('REQUIRES_ACTION');
  });

  it('maps anything else to UNKNOWN rather than failing', () => {
    expect(mapPrimerStatus('DISPUTED', false)).toBe('UNKNOWN');
    expect(mapPrimerStatus('settled', false)).toBe('UNKNOWN');
  });
});
