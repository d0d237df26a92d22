import { cleanBin, cleanLast4, normalizeCardNetwork } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { currencyCode } from '../../model/currency.js';
import { moneyFromMajorNumber, optionalMoney, type ExactNumber } from '../../model/money.js';
import type { Card, Payment, PaymentAmountField, Transaction, TransactionType } from '../../model/payment.js';
import { AmountReader } from '../../model/readable-amounts.js';
import { assertNever } from '../../model/exhaustive.js';
import { final, isOneOf, notFinal, type StatusReading } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import type { TransformContext } from '../transform-context.js';
import { KUIKPOS_STATUSES, type KuikposPayment, type KuikposStatus } from './wire.js';

/**
 * What a KuikPOS `transactionType` says the payment did. Only SALE proves a capture; the
 * pre-authorization spellings prove a reservation; anything else (or nothing: the seed's field
 * table has no `transactionType`) proves only that the bank approved, so it reads as authorized.
 */
export type KuikposTransactionKind = 'SALE' | 'PRE_AUTHORIZATION' | 'NOT_STATED';

const TRANSACTION_KINDS: ReadonlyMap<string, KuikposTransactionKind> = new Map([
  ['SALE', 'SALE'],
  ['PRE_AUTH', 'PRE_AUTHORIZATION'],
  ['PREAUTH', 'PRE_AUTHORIZATION'],
  ['AUTH', 'PRE_AUTHORIZATION'],
]);

export function kuikposTransactionKind(raw: string | null | undefined): KuikposTransactionKind {
  return (raw ? TRANSACTION_KINDS.get(raw.trim().toUpperCase()) : undefined) ?? 'NOT_STATED';
}

const TRANSACTION_TYPES: Readonly<Record<KuikposTransactionKind, TransactionType>> = {
  SALE: 'SALE',
  PRE_AUTHORIZATION: 'AUTHORIZATION',
  NOT_STATED: 'UNKNOWN',
};

/** Pure: KuikPOS's payment body → the unified Payment. */
export function transformKuikposPayment(wire: KuikposPayment, context: TransformContext): Payment {
  const currency = currencyCode(wire.currency);
  const amounts = new AmountReader<PaymentAmountField>();
  const major = (value: ExactNumber | null | undefined) => optionalMoney(value, currency, moneyFromMajorNumber);
  const kind = kuikposTransactionKind(wire.transactionType);
  const reading = readKuikposStatus(wire.status, kind);
  const amount = amounts.read('amount', () => major(wire.amount));
  const succeeded = wire.status === 'SUCCESS';
  const failed = wire.status === 'FAILED';
  const createdAt = parseUtcTimestamp(wire.paymentDate);
  const transaction: Transaction = {
    type: TRANSACTION_TYPES[kind],
    status: reading.status,
    providerStatus: wire.status,
    amount,
    createdAt,
    processorTransactionId: wire.externalTransactionId ?? undefined,
  };

  return {
    id: context.id,
    provider: 'KUIKPOS',
    ...reading,
    providerStatus: wire.status,
    amount,
    amountSource: 'PROVIDER',
    // SUCCESS proves the bank approved the amount; only a sale proves it was captured, a
    // pre-authorization proves it was not, and an unstated type leaves the capture unknown.
    authorizedAmount: amounts.read('authorizedAmount', () => (succeeded ? amount : failed ? major(0) : undefined)),
    capturedAmount: amounts.read('capturedAmount', () => {
      if (failed || (succeeded && kind === 'PRE_AUTHORIZATION')) return major(0);
      return succeeded && kind === 'SALE' ? amount : undefined;
    }),
    // KuikPOS reports no refunds on this endpoint.
    discrepancies: [],
    orderId: wire.orderId ?? undefined,
    customer: wire.customerId ? { id: wire.customerId } : undefined,
    card: cardOf(wire),
    installments: wire.installmentCount ?? undefined,
    merchantFee: amounts.read('merchantFee', () => major(wire.merchantCommission)),
    unreadable: amounts.unreadable,
    processor: nonEmpty({
      name: 'KUIKPOS',
      transactionId: wire.externalTransactionId ?? undefined,
      authorizationCode: wire.authCode ?? undefined,
      responseCode: wire.resultCode ?? undefined,
      responseMessage: maskPansOptional(wire.resultMessage),
    }),
    transactions: [transaction],
    statusReason: failed ? nonEmpty({ code: wire.resultCode ?? undefined, message: maskPansOptional(wire.resultMessage) }) : undefined,
    nextAction:
      reading.status === 'REQUIRES_ACTION' ? { type: '3DS_AUTHENTICATION', description: 'The buyer has not completed 3-D Secure yet' } : undefined,
    createdAt,
    fetchedAt: context.fetchedAt,
  };
}

/**
 * KuikPOS status (seed 001: "e.g., SUCCESS, FAILED, ENROLLED"; its example also tests CANCELLED) →
 * unified status and finality. ENROLLED means 3-D Secure was started and the buyer has not
 * finished it ("Still processing (ENROLLED), wait and retry"). SUCCESS is CAPTURED only for a
 * stated sale (see `KuikposTransactionKind`).
 */
export function readKuikposStatus(raw: string, kind: KuikposTransactionKind): StatusReading {
  if (!isOneOf(KUIKPOS_STATUSES, raw)) return notFinal('UNKNOWN');
  const status: KuikposStatus = raw;
  switch (status) {
    case 'SUCCESS':
      return kind === 'SALE' ? final('CAPTURED') : notFinal('AUTHORIZED');
    case 'FAILED':
      return final('FAILED');
    case 'ENROLLED':
      return notFinal('REQUIRES_ACTION');
    case 'CANCELLED':
      return final('CANCELLED');
    default:
      return assertNever(status);
  }
}

/**
 * The masked PAN gives BIN and last four and nothing more: the middle must be masked, so a full PAN
 * sent here by mistake still yields only those two parts and never leaves the service.
 */
const MASKED_PAN = /^(\d{6})(?:\d{0,2})[*xX•]{2,}\d*?(\d{4})$/;
const ANY_PAN = /^(\d{6})\d{3,9}(\d{4})$/;

export function panParts(pan: string | null | undefined): { bin?: string; last4?: string } {
  const compact = (pan ?? '').replace(/[\s-]/g, '');
  const match = MASKED_PAN.exec(compact) ?? ANY_PAN.exec(compact);
  if (!match) return {};
  return { bin: cleanBin(match[1]), last4: cleanLast4(match[2]) };
}

function cardOf(wire: KuikposPayment): Card | undefined {
  const { bin, last4 } = panParts(wire.pan);
  return nonEmpty({
    network: normalizeCardNetwork(wire.cardScheme),
    bin,
    last4,
    holderName: wire.cardHolderName ?? undefined,
    funding: wire.cardType?.toUpperCase() ?? undefined,
    isDomestic: wire.domInt === 'DOM' ? true : wire.domInt === 'INT' ? false : undefined,
    loyaltyProgram: wire.loyaltyCode ?? undefined,
  });
}
