import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GR4VY_REFUNDS, GR4VY_SAMPLE_IDS, GR4VY_TRANSACTIONS } from '../../src/providers/gr4vy/fixtures.js';
import {
  mapGr4vyRefundStatus,
  mapGr4vyStatus,
  transformGr4vyRefund,
  transformGr4vyTransaction,
} from '../../src/providers/gr4vy/transform.js';
import {
  GR4VY_REFUND_STATUSES,
  GR4VY_TRANSACTION_STATUSES,
  gr4vyRefundSchema,
  gr4vyTransactionSchema,
} from '../../src/providers/gr4vy/wire.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/gr4vy/${name}`, import.meta.url), 'utf8'));
const fetchedAt = new Date('2026-11-22T12:00:00.000Z');
const transform = (body: unknown) => transformGr4vyTransaction(gr4vyTransactionSchema.parse(body), { fetchedAt });

describe('Gr4vy transform', () => {
  it('maps the spec example transaction', () => {
    const payment = transform(fixture('transaction.spec-example.json'));
    expect(payment).toMatchObject({
      id: '7099948d-7286-47e4-aad8-b68f7eb44591',
      provider: 'GR4VY',
      status: 'AUTHORIZED',
      providerStatus: 'authorization_succeeded',
      amount: { minorUnits: 1299n, currency: 'EUR' },
      authorizedAmount: { minorUnits: 1299n, currency: 'EUR' },
      capturedAmount: { minorUnits: 1299n, currency: 'EUR' },
      refundedAmount: { minorUnits: 1299n, currency: 'EUR' },
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

  it('reads capture_succeeded with less captured than authorized as a partial capture', () => {
    expect(transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.partiallyCaptured]).status).toBe('PARTIALLY_CAPTURED');
    expect(transform(GR4VY_TRANSACTIONS[GR4VY_SAMPLE_IDS.captured]).status).toBe('CAPTURED');
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
      amount: { minorUnits: 1299n, currency: 'EUR' },
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

describe('Gr4vy status mapping', () => {
  const expected = {
    processing: 'PROCESSING',
    buyer_approval_pending: 'REQUIRES_ACTION',
    authorization_succeeded: 'AUTHORIZED',
    authorization_failed: 'FAILED',
    authorization_declined: 'DECLINED',
    capture_pending: 'PROCESSING',
    capture_succeeded: 'CAPTURED',
    authorization_void_pending: 'PROCESSING',
    authorization_voided: 'CANCELLED',
  } as const;

  it('covers every documented status', () => {
    expect(Object.keys(expected).sort()).toEqual([...GR4VY_TRANSACTION_STATUSES].sort());
  });

  it.each(Object.entries(expected))('%s → %s', (raw, unified) => {
    expect(mapGr4vyStatus(raw, 100, 100)).toBe(unified);
  });

  it('maps unknown statuses to UNKNOWN', () => {
    expect(mapGr4vyStatus('authorization_expired', 0, 0)).toBe('UNKNOWN');
  });

  it('maps every refund status', () => {
    expect(GR4VY_REFUND_STATUSES.map(mapGr4vyRefundStatus)).toEqual(['PROCESSING', 'CAPTURED', 'FAILED', 'DECLINED', 'CANCELLED']);
    expect(mapGr4vyRefundStatus('reversed')).toBe('UNKNOWN');
  });
});
