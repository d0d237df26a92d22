import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GR4VY_REFUNDS, GR4VY_SAMPLE_IDS, GR4VY_TRANSACTIONS } from '../../src/providers/gr4vy/fixtures.js';
import { mapGr4vyRefundStatus, readGr4vyStatus, transformGr4vyRefund, transformGr4vyTransaction } from '../../src/providers/gr4vy/transform.js';
import { GR4VY_REFUND_STATUSES, gr4vyRefundSchema, gr4vyTransactionSchema } from '../../src/providers/gr4vy/wire.js';
import { money } from '../helpers/money.js';
import { gr4vySpec, specEnum } from '../helpers/provider-specs.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/gr4vy/${name}`, import.meta.url), 'utf8'));
const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => {
  const wire = gr4vyTransactionSchema.parse(body);
  return transformGr4vyTransaction(wire, { id: wire.id, fetchedAt });
};
const usd = (minor: number) => money(minor, 'USD');
const captured = (body: Record<string, unknown>) =>
  transform({ id: 'x', status: 'capture_succeeded', currency: 'USD', amount: 5_000, authorized_amount: 5_000, refunded_amount: 0, ...body });

describe('Gr4vy transform', () => {
  it('maps the spec example transaction', () => {
    const payment = transform(fixture('transaction.spec-example.json'));
    expect(payment).toMatchObject({
      id: '7099948d-7286-47e4-aad8-b68f7eb44591',
      provider: 'GR4VY',
      status: 'AUTHORIZED',
      providerStatus: 'authorization_succeeded',
      isFinal: false,
      amount: money(1299, 'EUR'),
      authorizedAmount: money(1299, 'EUR'),
      capturedAmount: money(1299, 'EUR'),
      refundedAmount: money(1299, 'EUR'),
      refundState: 'FULL',
      orderId: 'transaction-12345',
      card: { network: 'VISA', last4: '1234', expiryMonth: 12, expiryYear: 2030, issuerCountry: 'US' },
      paymentMethodType: 'card',
      processor: { name: 'stripe-card', merchantId: 'default', transactionId: 'tx-12345', responseCode: 'E104', responseMessage: 'Missing redirect URL' },
      customer: { id: 'buyer-12345', name: 'John Doe' },
      metadata: [
        { key: 'cohort', value: 'cohort-12345' },
        { key: 'order', value: 'order-12345' },
      ],
      fetchedAt,
    });
    expect(payment.createdAt?.toISOString()).toBe('2013-07-16T19:23:00.000Z');
  });

  it('reads card details from payment_method', () => {
    const payment = transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.captured]);
    expect(payment.card).toEqual({
      network: 'MASTERCARD',
      last4: '4444',
      bin: '555555',
      expiryMonth: 7,
      expiryYear: 2029,
      funding: 'DEBIT',
      issuerCountry: 'GB',
      issuerName: 'Example Bank',
    });
  });

  it('reads capture_succeeded with less captured than authorized as a partial capture that may still grow', () => {
    expect(transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.partiallyCaptured])).toMatchObject({ status: 'PARTIALLY_CAPTURED', isFinal: false });
    expect(transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.captured])).toMatchObject({ status: 'CAPTURED', isFinal: true });
  });

  it('does not call capture_succeeded with nothing captured CAPTURED', () => {
    expect(captured({ captured_amount: 0 })).toMatchObject({ status: 'AUTHORIZED', isFinal: false, capturedAmount: usd(0) });
    // Unreadable (negative) captured amount: no proof either.
    expect(captured({ captured_amount: -1 })).toMatchObject({ status: 'AUTHORIZED', isFinal: false, unreadable: { capturedAmount: { problem: 'NEGATIVE_AMOUNT' } } });
  });

  it('compares a capture with authorized_amount, which gift cards can make smaller than amount', () => {
    expect(captured({ authorized_amount: 3_000, captured_amount: 3_000 })).toMatchObject({ status: 'CAPTURED', isFinal: true });
  });

  it('surfaces more captured than authorized', () => {
    expect(captured({ captured_amount: 6_000 })).toMatchObject({ status: 'CAPTURED', discrepancies: ['CAPTURED_MORE_THAN_AUTHORIZED'] });
  });

  it('reads refunded_amount into the refund state, and over-refunds as inconsistent', () => {
    expect(captured({ captured_amount: 5_000, refunded_amount: 2_000 })).toMatchObject({ refundState: 'PARTIAL', refundedAmount: usd(2_000) });
    expect(captured({ captured_amount: 5_000, refunded_amount: 5_000 })).toMatchObject({ refundState: 'FULL' });
    expect(captured({ captured_amount: 5_000, refunded_amount: 7_000 })).toMatchObject({
      refundState: 'INCONSISTENT',
      discrepancies: ['REFUNDED_MORE_THAN_CAPTURED'],
    });
  });

  it('accepts every integer the spec allows, and marks the amounts it cannot represent', () => {
    // The spec types amounts as plain `integer`: negative and huge values are spec-valid bodies.
    const payment = transform({ id: 'x', status: 'authorization_succeeded', currency: 'USD', amount: -5, authorized_amount: 10 });
    expect(payment).toMatchObject({ status: 'AUTHORIZED', authorizedAmount: usd(10), unreadable: { amount: { problem: 'NEGATIVE_AMOUNT' } } });
    expect(payment.amount).toBeUndefined();
  });

  it('never assumes 2 decimals for a code that is not ISO 4217', () => {
    // `^[A-Z]{3}$` is the spec's whole rule for `currency`.
    const payment = transform({ id: 'x', status: 'authorization_succeeded', currency: 'ABC', amount: 500, authorized_amount: 500 });
    expect(payment).toMatchObject({ status: 'AUTHORIZED', unreadable: { amount: { problem: 'UNKNOWN_CURRENCY' }, authorizedAmount: { problem: 'UNKNOWN_CURRENCY' } } });
    expect(payment.amount).toBeUndefined();
  });

  it('derives authorization and capture transactions from the body', () => {
    const payment = transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.partiallyCaptured]);
    expect(payment.transactions?.map((t) => [t.type, t.amount?.minorUnits])).toEqual([
      ['AUTHORIZATION', 5_000n],
      ['CAPTURE', 3_000n],
    ]);
    const voided = transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.voided]);
    expect(voided.transactions?.map((t) => t.type)).toEqual(['AUTHORIZATION', 'VOID']);
  });

  it('gives declines a reason with card numbers masked', () => {
    const payment = transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.authorizationDeclined]);
    expect(payment.status).toBe('DECLINED');
    expect(payment.statusReason).toEqual({ code: 'insufficient_funds', message: 'Insufficient funds on card 555555******4444' });
  });

  it('points a buyer-approval payment at its approval URL', () => {
    const payment = transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.buyerApprovalPending]);
    expect(payment.status).toBe('REQUIRES_ACTION');
    expect(payment.nextAction).toEqual({ type: 'BUYER_APPROVAL', url: 'https://gr4vy.app/redirect/12345' });
    expect(payment.card).toBeUndefined();
  });

  it('maps the spec example refund', () => {
    const refund = transformGr4vyRefund(gr4vyRefundSchema.parse(fixture('refund.spec-example.json')));
    expect(refund).toMatchObject({
      id: '6a1d4e46-14ed-4fe1-a45f-eff4e025d211',
      type: 'REFUND',
      status: 'CAPTURED',
      providerStatus: 'succeeded',
      amount: money(1299, 'EUR'),
      processorTransactionId: 'refund_xYqd43gySMtori',
      reason: 'Refund due to user request.',
    });
    expect(GR4VY_REFUNDS[GR4VY_SAMPLE_IDS.refunded]?.length).toBe(2);
  });

  it('refuses a transaction without an amount or currency', () => {
    expect(gr4vyTransactionSchema.safeParse({ id: 'x', status: 'processing', currency: 'USD' }).success).toBe(false);
    expect(gr4vyTransactionSchema.safeParse({ id: 'x', status: 'processing', amount: 1 }).success).toBe(false);
  });
});

describe('Gr4vy status mapping: every TransactionStatus value of the spec', () => {
  // status and isFinal with the full amount captured; capture_succeeded's other cases are above.
  const expected = {
    processing: ['PROCESSING', false],
    buyer_approval_pending: ['REQUIRES_ACTION', false],
    authorization_succeeded: ['AUTHORIZED', false],
    authorization_failed: ['FAILED', true],
    authorization_declined: ['DECLINED', true],
    capture_pending: ['PROCESSING', false],
    capture_succeeded: ['CAPTURED', true],
    authorization_void_pending: ['PROCESSING', false],
    authorization_voided: ['CANCELLED', true],
  } as const;

  it('covers exactly the values of the spec enum', () => {
    expect(Object.keys(expected).sort()).toEqual(specEnum(gr4vySpec(), 'TransactionStatus').sort());
  });

  it.each(Object.entries(expected))('%s → %j', (raw, [status, isFinal]) => {
    expect(readGr4vyStatus(raw, usd(100), usd(100))).toEqual({ status, isFinal });
  });

  it.each([
    ['nothing captured', usd(0), usd(100), 'AUTHORIZED', false],
    ['captured unreadable', undefined, usd(100), 'AUTHORIZED', false],
    ['part captured', usd(40), usd(100), 'PARTIALLY_CAPTURED', false],
    ['authorized unreadable', usd(40), undefined, 'CAPTURED', false],
    ['all captured', usd(100), usd(100), 'CAPTURED', true],
  ] as const)('capture_succeeded, %s → %s (final: %s)', (_case, capturedAmount, authorizedAmount, status, isFinal) => {
    expect(readGr4vyStatus('capture_succeeded', capturedAmount, authorizedAmount)).toEqual({ status, isFinal });
  });

  it('maps unknown statuses to UNKNOWN, not final', () => {
    expect(readGr4vyStatus('authorization_expired', undefined, undefined)).toEqual({ status: 'UNKNOWN', isFinal: false });
  });

  it('maps every refund status of the spec', () => {
    expect([...GR4VY_REFUND_STATUSES].sort()).toEqual(specEnum(gr4vySpec(), 'RefundStatus').sort());
    expect(GR4VY_REFUND_STATUSES.map(mapGr4vyRefundStatus)).toEqual(['PROCESSING', 'CAPTURED', 'FAILED', 'DECLINED', 'CANCELLED']);
    expect(mapGr4vyRefundStatus('reversed')).toBe('UNKNOWN');
  });
});
