import { FaultIds } from '../../simulation/faults.js';

/**
 * Gr4vy simulator data. The base body follows the `Transaction` schema of the official spec
 * (test/fixtures/provider-specs/gr4vy-openapi.json), with the spec's own property examples; each sample id
 * varies it into one documented status. Gr4vy ids are UUIDs: sample ids end in a readable number.
 */
type Body = Record<string, unknown>;

const sampleId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function transaction(id: string, status: string, overrides: Body = {}): Body {
  return {
    type: 'transaction',
    id,
    reconciliation_id: '7jZXl4gBUNl0CnaLEnfXbt',
    merchant_account_id: 'default',
    currency: 'USD',
    amount: 5_000,
    status,
    authorized_amount: 0,
    captured_amount: 0,
    refunded_amount: 0,
    settled_currency: null,
    settled_amount: 0,
    settled: false,
    country: 'US',
    external_identifier: `order-${id.slice(-4)}`,
    intent: 'authorize',
    intent_outcome: 'pending',
    payment_method: {
      type: 'payment-method',
      method: 'card',
      mode: 'card',
      scheme: 'mastercard',
      label: '4444',
      expiration_date: '07/29',
      country: 'GB',
      details: { bin: '555555', card_type: 'debit', card_issuer_name: 'Example Bank' },
      fingerprint: '20eb353620155d2b5fc864cc46a73ea77cb92c725238650839da1813fa987a17',
    },
    method: 'card',
    payment_service: {
      type: 'payment-service',
      id: '824ff064-7f4b-430b-9801-59aff90d013e',
      payment_service_definition_id: 'stripe-card',
      method: 'card',
      display_name: 'Stripe USA',
    },
    buyer: {
      type: 'buyer',
      id: 'fe26475d-ec3e-4884-9553-f7356683f7f9',
      display_name: 'Jane Roe',
      external_identifier: 'buyer-12345',
      billing_details: { first_name: 'Jane', last_name: 'Roe', email_address: 'jane@example.com', phone_number: null },
    },
    payment_service_transaction_id: `pi_${id.slice(-6)}`,
    raw_response_code: null,
    raw_response_description: null,
    auth_response_code: null,
    error_code: null,
    metadata: { channel: 'web' },
    gift_card_redemptions: [],
    disputed: false,
    payment_source: 'ecommerce',
    merchant_initiated: false,
    is_subsequent_payment: false,
    multi_tender: false,
    account_funding_transaction: false,
    created_at: '2026-11-20T10:15:00.000+00:00',
    updated_at: '2026-11-20T10:16:00.000+00:00',
    authorized_at: null,
    captured_at: null,
    voided_at: null,
    ...overrides,
  };
}

const authorized = { authorized_amount: 5_000, authorized_at: '2026-11-20T10:15:30.000+00:00' };
const captured = (amount: number) => ({
  ...authorized,
  captured_amount: amount,
  captured_at: '2026-11-20T10:16:00.000+00:00',
  intent_outcome: 'succeeded',
});

export const GR4VY_SAMPLE_IDS = {
  processing: sampleId(1),
  buyerApprovalPending: sampleId(2),
  authorized: sampleId(3),
  authorizationFailed: sampleId(4),
  authorizationDeclined: sampleId(5),
  capturePending: sampleId(6),
  captured: sampleId(7),
  partiallyCaptured: sampleId(8),
  voidPending: sampleId(9),
  voided: sampleId(10),
  refunded: sampleId(11),
  unknownStatus: sampleId(12),
  /** capture_succeeded with `captured_amount` 0: no proof of capture, so AUTHORIZED. */
  captureSucceededNothingCaptured: sampleId(13),
  /** A spec-valid body with a negative amount (the spec says plain `integer`). */
  negativeAmount: sampleId(14),
  /** A spec-valid currency that is not ISO 4217 (the spec's pattern is `^[A-Z]{3}$`). */
  nonIsoCurrency: sampleId(15),
  /** A body for another transaction than the one asked for. */
  otherPayment: sampleId(16),
  overRefunded: sampleId(17),
  /** Red-team (test/security): echoes the bearer JWT it was sent, with card numbers in free text. */
  leaky: sampleId(18),
} as const;

const ids = GR4VY_SAMPLE_IDS;

export const GR4VY_TRANSACTIONS: Readonly<Record<string, Body>> = {
  [ids.processing]: transaction(ids.processing, 'processing'),
  [ids.buyerApprovalPending]: transaction(ids.buyerApprovalPending, 'buyer_approval_pending', {
    payment_method: { method: 'paypal', mode: 'paypal', approval_url: 'https://gr4vy.app/redirect/12345' },
    approval_expires_at: '2026-11-20T11:15:00.000+00:00',
  }),
  [ids.authorized]: transaction(ids.authorized, 'authorization_succeeded', authorized),
  [ids.authorizationFailed]: transaction(ids.authorizationFailed, 'authorization_failed', {
    error_code: 'service_error',
    raw_response_code: 'E104',
    raw_response_description: 'Missing redirect URL',
    intent_outcome: 'failed',
  }),
  [ids.authorizationDeclined]: transaction(ids.authorizationDeclined, 'authorization_declined', {
    error_code: 'insufficient_funds',
    raw_response_code: '51',
    // A processor message carrying a full (public test) card number: the subgraph must mask it.
    raw_response_description: 'Insufficient funds on card 5555555555554444',
    intent_outcome: 'failed',
  }),
  [ids.capturePending]: transaction(ids.capturePending, 'capture_pending', authorized),
  [ids.captured]: transaction(ids.captured, 'capture_succeeded', captured(5_000)),
  [ids.partiallyCaptured]: transaction(ids.partiallyCaptured, 'capture_succeeded', captured(3_000)),
  [ids.voidPending]: transaction(ids.voidPending, 'authorization_void_pending', authorized),
  [ids.voided]: transaction(ids.voided, 'authorization_voided', { ...authorized, voided_at: '2026-11-20T12:00:00.000+00:00' }),
  [ids.refunded]: transaction(ids.refunded, 'capture_succeeded', { ...captured(5_000), refunded_amount: 5_000, intent: 'capture' }),
  [ids.unknownStatus]: transaction(ids.unknownStatus, 'authorization_expired'),
  [ids.captureSucceededNothingCaptured]: transaction(ids.captureSucceededNothingCaptured, 'capture_succeeded', { ...captured(0) }),
  [ids.negativeAmount]: transaction(ids.negativeAmount, 'authorization_succeeded', { ...authorized, amount: -5_000 }),
  [ids.nonIsoCurrency]: transaction(ids.nonIsoCurrency, 'authorization_succeeded', { ...authorized, currency: 'ABC' }),
  [ids.otherPayment]: transaction(sampleId(99), 'capture_succeeded', captured(5_000)),
  [ids.overRefunded]: transaction(ids.overRefunded, 'capture_succeeded', { ...captured(5_000), refunded_amount: 6_000 }),
  [ids.leaky]: transaction(ids.leaky, 'authorization_declined', {
    external_identifier: 'x4111111111111111',
    error_code: '4111111111111111_',
    buyer: { display_name: '4111 1111 1111 1111', external_identifier: 'b5555555555554444', billing_details: { email_address: '4111111111111111@example.com' } },
    metadata: { note: 'pan 4111.1111.1111.1111' },
  }),
};

/** Any UUID with this prefix is answered with a captured transaction carrying that id (for load tests). */
export const GR4VY_GENERATED_ID_PREFIX = 'a11ce000-';

export function gr4vyTransactionFor(id: string): Body | undefined {
  return GR4VY_TRANSACTIONS[id] ?? (id.startsWith(GR4VY_GENERATED_ID_PREFIX) ? transaction(id, 'capture_succeeded', captured(5_000)) : undefined);
}

function refund(transactionId: string, n: number, amount: number, status: string): Body {
  return {
    type: 'refund',
    id: `6a1d4e46-14ed-4fe1-a45f-${String(n).padStart(12, '0')}`,
    transaction_id: transactionId,
    payment_service_refund_id: `re_${String(n)}`,
    status,
    currency: 'USD',
    amount,
    reason: 'Refund due to user request.',
    target_type: 'payment-method',
    reconciliation_id: '7jZXl4gBUNl0CnaLEnfXbt',
    transaction_reconciliation_id: 'aLEnfXbt7jZXl4gBUNl0Cn',
    created_at: '2026-11-21T09:00:00.000+00:00',
    updated_at: '2026-11-21T09:00:05.000+00:00',
    settled: false,
  };
}

export const GR4VY_REFUNDS: Readonly<Record<string, readonly Body[]>> = {
  [ids.refunded]: [refund(ids.refunded, 1, 2_000, 'succeeded'), refund(ids.refunded, 2, 3_000, 'succeeded')],
};

/** Fault ids: `fa017000-0000-4000-8000-0000000000NN`, NN the fault's position in FAULT_NAMES (Gr4vy ids are UUIDs). */
export const GR4VY_FAULTS = new FaultIds((_fault, position) => `fa017000-0000-4000-8000-${String(position).padStart(12, '0')}`);
