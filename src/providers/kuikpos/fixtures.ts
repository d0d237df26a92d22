import { DecimalText } from '../../model/money.js';
import { FaultIds } from '../../simulation/faults.js';

/** KuikPOS simulator data: the seed's field table filled with realistic values, one id per status. */
type Body = Record<string, unknown>;

function payment(paymentId: string, status: string, overrides: Body = {}): Body {
  return {
    paymentId,
    orderId: `ORD-${paymentId.slice(-4)}`,
    amount: 100.5,
    installmentCount: 1,
    currency: 'TRY',
    merchantCommission: 2.51,
    status,
    paymentDate: '2026-11-20T14:30:00Z',
    cardHolderName: 'Ayşe Yılmaz',
    pan: '411111******1111',
    domInt: 'DOM',
    cardScheme: 'VISA',
    cardType: 'CREDIT',
    loyaltyCode: 'BONUS',
    externalTransactionId: `EXT${paymentId.slice(-6)}`,
    authCode: '123456',
    resultCode: '00',
    resultMessage: 'Approved',
    customerId: 'CUST-001',
    transactionType: 'SALE',
    ...overrides,
  };
}

const uuid = (n: number) => `3f1c0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const KUIKPOS_SAMPLE_IDS = {
  success: uuid(1),
  successInstallments: uuid(2),
  preAuthorized: uuid(3),
  failed: uuid(4),
  enrolled: uuid(5),
  cancelled: uuid(6),
  unknownStatus: uuid(7),
  international: uuid(8),
  /** 100.555 TRY: more decimals than the lira has, so not an exact amount. */
  inexactAmount: uuid(9),
  /** SUCCESS without a transactionType (as in the seed's own field table): authorized, capture unknown. */
  successTypeNotStated: uuid(10),
  /** SUCCESS of transactionType AUTH: a reservation, not a capture. */
  successAuth: uuid(11),
  /** JPY with a commission of 12.5 yen: only the fee is unreadable, the payment still arrives. */
  jpyFractionalCommission: uuid(12),
  /** 90,071,992,547,409.93 TRY, beyond a float's exact range: read digit for digit. */
  beyondFloatPrecision: uuid(13),
  /** A body for another payment than the one asked for. */
  otherPayment: uuid(14),
  /** Secondary fields of the wrong type (a word for the instalments, a number for the result code): left out, logged, the payment arrives. */
  oddSecondaryFields: uuid(15),
} as const;

const ids = KUIKPOS_SAMPLE_IDS;

export const KUIKPOS_PAYMENTS: Readonly<Record<string, Body>> = {
  [ids.success]: payment(ids.success, 'SUCCESS'),
  [ids.successInstallments]: payment(ids.successInstallments, 'SUCCESS', { amount: 1200, installmentCount: 6, merchantCommission: 42.6 }),
  [ids.preAuthorized]: payment(ids.preAuthorized, 'SUCCESS', { transactionType: 'PRE_AUTH' }),
  [ids.failed]: payment(ids.failed, 'FAILED', {
    authCode: null,
    resultCode: '51',
    // A bank message carrying a full PAN: the subgraph must mask it.
    resultMessage: 'Yetersiz bakiye / insufficient funds 4111111111111111',
  }),
  [ids.enrolled]: payment(ids.enrolled, 'ENROLLED', { authCode: null, resultCode: null, resultMessage: null }),
  [ids.cancelled]: payment(ids.cancelled, 'CANCELLED'),
  [ids.unknownStatus]: payment(ids.unknownStatus, 'REFUNDED'),
  [ids.inexactAmount]: payment(ids.inexactAmount, 'SUCCESS', { amount: 100.555 }),
  [ids.international]: payment(ids.international, 'SUCCESS', { domInt: 'INT', cardScheme: 'MASTERCARD', pan: '555555******4444', cardType: 'DEBIT', loyaltyCode: null }),
  [ids.successTypeNotStated]: payment(ids.successTypeNotStated, 'SUCCESS', { transactionType: undefined }),
  [ids.successAuth]: payment(ids.successAuth, 'SUCCESS', { transactionType: 'AUTH' }),
  [ids.jpyFractionalCommission]: payment(ids.jpyFractionalCommission, 'SUCCESS', { currency: 'JPY', amount: 1200, merchantCommission: 12.5 }),
  [ids.beyondFloatPrecision]: payment(ids.beyondFloatPrecision, 'SUCCESS', { amount: new DecimalText('90071992547409.93') }),
  [ids.otherPayment]: payment(uuid(99), 'SUCCESS'),
  [ids.oddSecondaryFields]: payment(ids.oddSecondaryFields, 'SUCCESS', { installmentCount: 'six', resultCode: 51 }),
};

/** Any id with this prefix is answered with a generated successful payment (for load tests). */
export const KUIKPOS_GENERATED_ID_PREFIX = 'kp_gen_';

export function kuikposPaymentFor(id: string): Body | undefined {
  return KUIKPOS_PAYMENTS[id] ?? (id.startsWith(KUIKPOS_GENERATED_ID_PREFIX) ? payment(id, 'SUCCESS') : undefined);
}

/** `kp_fault_<name>` answers with that fault. */
export const KUIKPOS_FAULTS = new FaultIds((fault) => `kp_fault_${fault}`);
