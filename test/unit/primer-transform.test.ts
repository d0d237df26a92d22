import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/providers/http/responses.js';
import { readPrimerStatus, transformPrimerPayment } from '../../src/providers/primer/transform.js';
import { primerPaymentSchema } from '../../src/providers/primer/wire.js';
import { PRIMER_PAYMENTS } from '../../src/providers/primer/fixtures.js';
import { money } from '../helpers/money.js';
import { primerSpec, specEnum } from '../helpers/provider-specs.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/primer/${name}`, import.meta.url), 'utf8'));
const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => {
  const wire = primerPaymentSchema.parse(body);
  return transformPrimerPayment(wire, { id: wire.id, fetchedAt });
};
const eur = (minor: number | bigint) => money(minor, 'EUR');

describe('Primer transform', () => {
  it('maps the spec example body', () => {
    const payment = transform(fixture('spec-example.json'));
    expect(payment).toMatchObject({
      id: 'kHdEw9EG',
      provider: 'PRIMER',
      status: 'AUTHORIZED',
      providerStatus: 'AUTHORIZED',
      isFinal: false,
      amount: eur(42),
      authorizedAmount: eur(42),
      capturedAmount: eur(0),
      refundedAmount: eur(0),
      refundState: 'NONE',
      discrepancies: [],
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
      expect.objectContaining({ type: 'REFUND', status: 'CAPTURED', amount: money(250, 'USD') }),
    ]);
    // SETTLED without amountCaptured: the whole amount was captured.
    expect(payment.capturedAmount).toEqual(money(1000, 'USD'));
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

  it('keeps int64 amounts exact, above 2^53 too (the spec says int64)', () => {
    expect(transform(PRIMER_PAYMENTS['pay_large_idr']).amount).toEqual(money(10_000_000_000n, 'IDR'));
    const body = parseJsonText('{"id":"p","status":"SETTLED","currencyCode":"IDR","amount":9223372036854775807}');
    expect(transform(body).amount).toEqual(money(9_223_372_036_854_775_807n, 'IDR'));
  });

  it('reads currencies the spec allows that are no longer current ISO 4217, with their historic decimals', () => {
    expect(transform({ id: 'p', status: 'SETTLED', currencyCode: 'HRK', amount: 1050 }).amount).toEqual(money(1050, 'HRK'));
    expect(transform({ id: 'p', status: 'SETTLED', currencyCode: 'BYR', amount: 1050 }).amount).toEqual(money(1050, 'BYR', 0));
  });

  it('makes an amount in a currency without known decimals unreadable, never guessed, and keeps the rest', () => {
    // XFU (UIC franc) is in Primer's Currency enum; ISO 4217 gives it no minor unit.
    const payment = transform({ id: 'p', status: 'SETTLED', currencyCode: 'XFU', amount: 1050, orderId: 'o-1' });
    expect(payment).toMatchObject({ status: 'CAPTURED', isFinal: true, orderId: 'o-1' });
    expect(payment.amount).toBeUndefined();
    expect(payment.unreadable?.amount).toMatchObject({ problem: 'UNKNOWN_CURRENCY' });
  });

  it('refuses a body without id or status, or with a non-integer amount', () => {
    expect(primerPaymentSchema.safeParse({ status: 'SETTLED' }).success).toBe(false);
    expect(primerPaymentSchema.safeParse({ id: 'x' }).success).toBe(false);
    expect(primerPaymentSchema.safeParse({ id: 'x', status: 'SETTLED', amount: 1.5 }).success).toBe(false);
  });
});

describe('Primer status mapping: every PaymentStatus value of the spec', () => {
  // status, isFinal, and why (README "Status, finality and refunds" has the same table).
  const expected = {
    PENDING: ['PROCESSING', false], // no requiredAction: Primer is still working on it
    FAILED: ['FAILED', true],
    AUTHORIZED: ['AUTHORIZED', false], // awaiting capture
    SETTLING: ['CAPTURED', false], // "funds will be settled later": captured, settlement pending
    PARTIALLY_SETTLED: ['PARTIALLY_CAPTURED', false], // settlement still under way
    SETTLED: ['CAPTURED', true],
    DECLINED: ['DECLINED', true],
    CANCELLED: ['CANCELLED', true],
  } as const;

  it('covers exactly the values of the spec enum', () => {
    expect(Object.keys(expected).sort()).toEqual(specEnum(primerSpec(), 'PaymentStatus').sort());
  });

  it.each(Object.entries(expected))('%s → %j', (raw, [status, isFinal]) => {
    expect(readPrimerStatus(raw, false)).toEqual({ status, isFinal });
  });

  it('PENDING with a required action needs the buyer', () => {
    expect(readPrimerStatus('PENDING', true)).toEqual({ status: 'REQUIRES_ACTION', isFinal: false });
  });

  it('maps anything else to UNKNOWN, not final, rather than failing', () => {
    expect(readPrimerStatus('DISPUTED', false)).toEqual({ status: 'UNKNOWN', isFinal: false });
    expect(readPrimerStatus('settled', false)).toEqual({ status: 'UNKNOWN', isFinal: false });
  });
});

describe('Primer refunds, from processor totals and REFUND transactions alike', () => {
  const sale = { type: 'SALE', processorStatus: 'SETTLED', amount: 10_000, currencyCode: 'EUR' };
  const refund = (amount: number, processorStatus = 'SETTLED', currencyCode = 'EUR') => ({ type: 'REFUND', processorStatus, amount, currencyCode });
  const settled = (extra: Record<string, unknown>) => transform({ id: 'p', status: 'SETTLED', currencyCode: 'EUR', amount: 10_000, ...extra });

  it('reads a refund that appears only as a REFUND transaction (no processor object)', () => {
    const partly = settled({ transactions: [sale, refund(2_500)] });
    expect(partly).toMatchObject({ refundedAmount: eur(2_500), refundState: 'PARTIAL', discrepancies: [] });
    const fully = settled({ transactions: [sale, refund(6_000), refund(4_000)] });
    expect(fully).toMatchObject({ refundedAmount: eur(10_000), refundState: 'FULL', discrepancies: [] });
  });

  it('counts a refund once it settled, not while it is pending', () => {
    const payment = settled({ transactions: [sale, refund(2_500, 'PENDING')] });
    expect([payment.refundState, payment.refundedAmount]).toEqual([undefined, undefined]);
    expect(payment.transactions?.[1]).toMatchObject({ type: 'REFUND', status: 'PROCESSING', providerStatus: 'PENDING' });
  });

  it('agrees with the processor totals when both are there', () => {
    const payment = settled({ processor: { amountCaptured: 10_000, amountRefunded: 2_500 }, transactions: [sale, refund(2_500)] });
    expect(payment).toMatchObject({ refundedAmount: eur(2_500), refundState: 'PARTIAL', discrepancies: [] });
  });

  it('surfaces sources that disagree, keeping the larger total', () => {
    const payment = settled({ processor: { amountCaptured: 10_000, amountRefunded: 0 }, transactions: [sale, refund(2_500)] });
    expect(payment).toMatchObject({ refundedAmount: eur(2_500), refundState: 'PARTIAL', discrepancies: ['REFUND_SOURCES_DISAGREE'] });
  });

  it('surfaces an over-refund instead of calling it FULL', () => {
    const payment = settled({ processor: { amountCaptured: 10_000, amountRefunded: 12_000 } });
    expect(payment).toMatchObject({ refundedAmount: eur(12_000), refundState: 'INCONSISTENT', discrepancies: ['REFUNDED_MORE_THAN_CAPTURED'] });
  });

  it('surfaces a refund in another currency instead of comparing it', () => {
    const payment = settled({ transactions: [sale, refund(10_000, 'SETTLED', 'USD')] });
    expect(payment).toMatchObject({ refundState: 'INCONSISTENT', discrepancies: ['REFUND_IN_OTHER_CURRENCY'] });
  });

  it('says nothing about refunds when Primer says nothing', () => {
    const payment = settled({});
    expect([payment.refundState, payment.refundedAmount, payment.discrepancies]).toEqual([undefined, undefined, []]);
  });
});
