import { FaultIds } from '../../simulation/faults.js';

/**
 * Primer simulator data. The base body is the spec's own example for `GET /payments/{id}`
 * (test/fixtures/provider-specs/primer-payments-openapi.yml); each sample id varies it into one
 * documented status.
 */
export const PRIMER_SPEC_EXAMPLE = {
  id: 'kHdEw9EG',
  date: '2021-02-21T15:36:16.367687',
  dateUpdated: '2021-02-21T15:36:17.133701',
  status: 'AUTHORIZED',
  orderId: 'order-abc',
  customerId: 'customer-123',
  currencyCode: 'EUR',
  amount: 42,
  cardTokenType: 'CARD_PAN',
  paymentMethod: {
    paymentType: 'SUBSCRIPTION',
    paymentMethodToken: 'heNwnqaeRiqvY1UcslfQc3wxNjEzOTIxNjc4',
    isVaulted: true,
    authorizationType: 'FINAL',
    descriptor: 'Purchase: Socks',
    analyticsId: 'VtkMDAxZW5isH0HsbbNxZ3lo',
    paymentMethodType: 'PAYMENT_CARD',
    paymentMethodData: {
      first6Digits: '411111',
      last4Digits: '1111',
      expirationMonth: '12',
      expirationYear: '2030',
      cardholderName: 'John Biggins',
      network: 'Visa',
      isNetworkTokenized: false,
      binData: {
        network: 'VISA',
        regionalRestriction: 'UNKNOWN',
        accountNumberType: 'UNKNOWN',
        accountFundingType: 'UNKNOWN',
        prepaidReloadableIndicator: 'NOT_APPLICABLE',
        productUsageType: 'UNKNOWN',
        productCode: 'VISA',
        productName: 'VISA',
      },
    },
  },
  processor: { name: 'STRIPE', processorMerchantId: 'acct_stripe_1234', amountCaptured: 0, amountRefunded: 0 },
  transactions: [
    {
      type: 'SALE',
      processorStatus: 'AUTHORIZED',
      processorName: 'STRIPE',
      processorMerchantId: 'acct_stripe_1234',
      processorTransactionId: '54c4eb5b3ef8a',
      cardTokenType: 'CARD_PAN',
    },
  ],
  customer: { email: 'customer123@gmail.com' },
  metadata: { productId: 123, merchantId: 'a13bsd62s' },
} as const;

type Body = Record<string, unknown>;

function payment(id: string, status: string, overrides: Body = {}): Body {
  return {
    ...PRIMER_SPEC_EXAMPLE,
    id,
    status,
    orderId: `order-${id}`,
    amount: 12_999,
    currencyCode: 'EUR',
    processor: { name: 'STRIPE', processorMerchantId: 'acct_stripe_1234', amountCaptured: 0, amountRefunded: 0 },
    transactions: [
      {
        type: 'SALE',
        date: '2026-11-20T10:15:00.123456',
        amount: 12_999,
        currencyCode: 'EUR',
        processorStatus: status,
        processorName: 'STRIPE',
        processorMerchantId: 'acct_stripe_1234',
        processorTransactionId: `ch_${id}`,
      },
    ],
    ...overrides,
  };
}

const settledProcessor = (captured: number, refunded: number) => ({
  name: 'ADYEN',
  processorMerchantId: 'PrimerTestMerchant',
  amountCaptured: captured,
  amountRefunded: refunded,
});

const refund = (amount: number, reason: string) => ({
  type: 'REFUND',
  date: '2026-11-21T09:00:00.000001',
  amount,
  currencyCode: 'EUR',
  processorStatus: 'SETTLED',
  processorName: 'ADYEN',
  processorMerchantId: 'PrimerTestMerchant',
  processorTransactionId: `rf_${String(amount)}`,
  reason,
});

const decline = {
  type: 'ISSUER_DECLINED',
  declineType: 'SOFT_DECLINE',
  code: 'INSUFFICIENT_FUNDS',
  // A processor message carrying a full PAN: the subgraph must mask it.
  message: 'Card 4111 1111 1111 1111 declined: insufficient funds',
  paymentMethodResultCode: '51',
  paymentMethodResultMessage: 'Insufficient funds',
  advisedAction: 'RETRY_LATER',
};

/** Sample payments, one per documented Primer status plus the spec's own example and edge cases. */
export const PRIMER_PAYMENTS: Readonly<Record<string, Body>> = {
  [PRIMER_SPEC_EXAMPLE.id]: { ...PRIMER_SPEC_EXAMPLE },
  pay_pending: payment('pay_pending', 'PENDING', { transactions: [] }),
  pay_pending_3ds: payment('pay_pending_3ds', 'PENDING', {
    transactions: [],
    requiredAction: { name: '3DS_AUTHENTICATION', description: 'Customer needs to complete 3DS', clientToken: 'client-token-secret' },
  }),
  pay_authorized: payment('pay_authorized', 'AUTHORIZED'),
  pay_settling: payment('pay_settling', 'SETTLING', { processor: settledProcessor(12_999, 0) }),
  pay_partially_settled: payment('pay_partially_settled', 'PARTIALLY_SETTLED', { processor: settledProcessor(5_000, 0) }),
  pay_settled: payment('pay_settled', 'SETTLED', { processor: settledProcessor(12_999, 0) }),
  pay_partially_refunded: payment('pay_partially_refunded', 'SETTLED', {
    processor: settledProcessor(12_999, 2_999),
    transactions: [payment('x', 'SETTLED').transactions, [refund(2_999, 'Item returned.')]].flat(),
  }),
  pay_refunded: payment('pay_refunded', 'SETTLED', {
    processor: settledProcessor(12_999, 12_999),
    transactions: [payment('x', 'SETTLED').transactions, [refund(12_999, 'Order cancelled.')]].flat(),
  }),
  pay_declined: payment('pay_declined', 'DECLINED', { statusReason: decline }),
  pay_failed: payment('pay_failed', 'FAILED', {
    statusReason: { type: 'GATEWAY_TIMEOUT', message: 'The processor did not respond' },
  }),
  pay_cancelled: payment('pay_cancelled', 'CANCELLED'),
  pay_unknown_status: payment('pay_unknown_status', 'DISPUTED'),
  pay_large_idr: payment('pay_large_idr', 'SETTLED', {
    currencyCode: 'IDR',
    amount: 10_000_000_000,
    processor: settledProcessor(10_000_000_000, 0),
    transactions: [],
  }),
  // Issue 10's cases: each reads as the provider proved it, no more.
  /** Refunded in full, shown only by a REFUND transaction: Primer sent no processor object. */
  pay_refunded_by_transaction: payment('pay_refunded_by_transaction', 'SETTLED', {
    processor: undefined,
    transactions: [payment('x', 'SETTLED').transactions, [refund(12_999, 'Order cancelled.')]].flat(),
  }),
  pay_over_refunded: payment('pay_over_refunded', 'SETTLED', { processor: settledProcessor(12_999, 15_000) }),
  pay_refund_other_currency: payment('pay_refund_other_currency', 'SETTLED', {
    processor: undefined,
    transactions: [payment('x', 'SETTLED').transactions, [{ ...refund(12_999, 'Wrong currency.'), currencyCode: 'USD' }]].flat(),
  }),
  /** int64 above 2^53, sent as a bare JSON number (Primer's spec: `format: int64`). */
  pay_int64_max: payment('pay_int64_max', 'SETTLED', {
    currencyCode: 'IDR',
    amount: 9_223_372_036_854_775_807n,
    processor: settledProcessor(0, 0),
    transactions: [],
  }),
  /** HRK, withdrawn from ISO 4217 in 2023 and still in Primer's Currency enum. */
  pay_historic_currency: payment('pay_historic_currency', 'SETTLED', { currencyCode: 'HRK', transactions: [] }),
  /** XFU, in Primer's Currency enum, has no minor unit in ISO 4217: its amounts are unreadable, never guessed. */
  pay_currency_without_decimals: payment('pay_currency_without_decimals', 'SETTLED', { currencyCode: 'XFU', transactions: [] }),
  /** A body for another payment than the one asked for: refused, never served under the asked id. */
  pay_other_payment: payment('pay_someone_else', 'SETTLED'),
};

/** Any id with this prefix is answered with a settled payment carrying that id: load tests need many distinct ids. */
export const PRIMER_GENERATED_ID_PREFIX = 'pay_gen_';

export function primerPaymentFor(id: string): Body | undefined {
  return PRIMER_PAYMENTS[id] ?? (id.startsWith(PRIMER_GENERATED_ID_PREFIX) ? payment(id, 'SETTLED', { processor: settledProcessor(12_999, 0) }) : undefined);
}

/**
 * Any id with this prefix is a journey (PaymentJourneys): waiting for the buyer's 3-D Secure
 * (REQUIRES_ACTION) from its first read, then settled (CAPTURED, final), at which point the simulator
 * sends Primer's signed PAYMENT.STATUS webhook.
 */
export const PRIMER_JOURNEY_ID_PREFIX = 'pay_journey_';

export function primerJourneyPayment(id: string, stage: 'waiting_for_buyer' | 'completed'): Body {
  return stage === 'completed'
    ? payment(id, 'SETTLED', { processor: settledProcessor(12_999, 0) })
    : payment(id, 'PENDING', { transactions: [], requiredAction: { name: '3DS_AUTHENTICATION', description: 'Customer needs to complete 3DS' } });
}

/** `pay_fault_<name>` answers with that fault (see simulation/faults.ts). */
export const PRIMER_FAULTS = new FaultIds((fault) => `pay_fault_${fault}`);

/**
 * A hostile body for the red-team tests (test/security): a card number in every free-text field,
 * touching letters and `_`, spaced and dotted, and this merchant's own API key and a JWT echoed back.
 */
export const PRIMER_LEAKY_ID = 'pay_leaky';
export function primerLeakyPayment(apiKey: string): Body {
  return payment(PRIMER_LEAKY_ID, 'DECLINED', {
    orderId: 'ord_4111111111111111_',
    customerId: 'x5555555555554444',
    customer: { emailAddress: '4111111111111111@example.com', firstName: 'x4111111111111111', lastName: '4111.1111.1111.1111', mobileNumber: '378282246310005' },
    metadata: { note: 'card 4111111111111111_x', key: apiKey },
    paymentMethod: {
      paymentMethodType: 'PAYMENT_CARD_4111111111111111',
      paymentMethodData: {
        first6Digits: '411111',
        last4Digits: '1111',
        cardholderName: '4111 1111 1111 1111',
        network: 'Visa',
        binData: { network: 'VISA', issuerName: 'Bank 5555555555554444', issuerCountryCode: 'US' },
      },
    },
    processor: { name: 'STRIPE_4111111111111111', processorMerchantId: apiKey, amountCaptured: 0, amountRefunded: 0 },
    statusReason: {
      type: 'ISSUER_DECLINED',
      code: 'x4111111111111111',
      message: `declined for key ${apiKey}, session eyJhbGciOiJFUzUxMiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlYWJj`,
      paymentMethodResultCode: '4111111111111111',
      paymentMethodResultMessage: 'pan=4111111111111111',
      advisedAction: 'DO_NOT_RETRY_4111111111111111',
    },
    requiredAction: { name: 'ACTION_4111111111111111', description: '4111111111111111' },
    transactions: [
      { type: 'SALE', processorStatus: 'DECLINED', amount: 12_999, currencyCode: 'EUR', processorTransactionId: 'ch4111111111111111', reason: '4111111111111111_' },
    ],
  });
}
