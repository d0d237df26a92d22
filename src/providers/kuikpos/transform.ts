import { cleanBin, cleanLast4, normalizeCardNetwork } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { normalizeCurrency } from '../../model/currency.js';
import { moneyFromMajorNumber, type Money } from '../../model/money.js';
import type { Card, Payment, Transaction } from '../../model/payment.js';
import { assertNever, isOneOf, type PaymentStatus } from '../../model/status.js';
import { parseUtcTimestamp } from '../../model/time.js';
import { maskPansOptional } from '../../security/pan.js';
import { KUIKPOS_STATUSES, type KuikposPayment, type KuikposStatus } from './wire.js';

export interface TransformContext {
  readonly fetchedAt: Date;
}

/** Pure: KuikPOS's payment body → the unified Payment. */
export function transformKuikposPayment(wire: KuikposPayment, context: TransformContext): Payment {
  const currency = wire.currency ? normalizeCurrency(wire.currency) : undefined;
  const amountOf = (major: number | null | undefined): Money | undefined =>
    currency !== undefined && major != null ? moneyFromMajorNumber(major, currency) : undefined;
  const isPreAuthorization = /PRE.?AUTH/i.test(wire.transactionType ?? '');
  const status = mapKuikposStatus(wire.status, isPreAuthorization);
  const amount = amountOf(wire.amount);
  const zero = currency === undefined ? undefined : moneyFromMajorNumber(0, currency);
  const succeeded = wire.status === 'SUCCESS';
  const createdAt = parseUtcTimestamp(wire.paymentDate);
  const transaction: Transaction = {
    type: isPreAuthorization ? 'AUTHORIZATION' : 'SALE',
    status,
    providerStatus: wire.status,
    amount,
    createdAt,
    processorTransactionId: wire.externalTransactionId ?? undefined,
  };

  return {
    id: wire.paymentId,
    provider: 'KUIKPOS',
    status,
    providerStatus: wire.status,
    amount,
    // A successful sale captured the whole amount; a successful pre-authorization only reserved it.
    authorizedAmount: succeeded ? amount : status === 'FAILED' ? zero : undefined,
    capturedAmount: succeeded ? (isPreAuthorization ? zero : amount) : status === 'FAILED' ? zero : undefined,
    orderId: wire.orderId ?? undefined,
    customer: wire.customerId ? { id: wire.customerId } : undefined,
    card: cardOf(wire),
    installments: wire.installmentCount ?? undefined,
    merchantFee: amountOf(wire.merchantCommission),
    processor: nonEmpty({
      name: 'KUIKPOS',
      transactionId: wire.externalTransactionId ?? undefined,
      authorizationCode: wire.authCode ?? undefined,
      responseCode: wire.resultCode ?? undefined,
      responseMessage: maskPansOptional(wire.resultMessage),
    }),
    transactions: [transaction],
    statusReason:
      status === 'FAILED'
        ? nonEmpty({ code: wire.resultCode ?? undefined, message: maskPansOptional(wire.resultMessage) })
        : undefined,
    nextAction: status === 'REQUIRES_ACTION' ? { type: '3DS_AUTHENTICATION', description: 'The buyer has not completed 3-D Secure yet' } : undefined,
    createdAt,
    fetchedAt: context.fetchedAt,
  };
}

/**
 * KuikPOS status → unified status. ENROLLED means 3-D Secure was started and the buyer has not
 * finished it ("still processing, wait and retry" in the seed). SUCCESS is a capture for a sale and
 * an authorization for a pre-authorization.
 */
export function mapKuikposStatus(raw: string, isPreAuthorization: boolean): PaymentStatus {
  if (!isOneOf(KUIKPOS_STATUSES, raw)) return 'UNKNOWN';
  const status: KuikposStatus = raw;
  switch (status) {
    case 'SUCCESS':
      return isPreAuthorization ? 'AUTHORIZED' : 'CAPTURED';
    case 'FAILED':
      return 'FAILED';
    case 'ENROLLED':
      return 'REQUIRES_ACTION';
    case 'CANCELLED':
      return 'CANCELLED';
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
