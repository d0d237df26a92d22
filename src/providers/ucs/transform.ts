import { cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { moneyFromMinor, type Money } from '../../model/money.js';
import type { AmountSource, Card, NextAction, Payment, PaymentAmountField, StatusReason, TransactionType } from '../../model/payment.js';
import { AmountReader } from '../../model/readable-amounts.js';
import { summarizeRefunds } from '../../model/refunds.js';
import { assertNever } from '../../model/exhaustive.js';
import { final, notFinal, type PaymentStatus, type StatusReading } from '../../model/status.js';
import { maskPansOptional } from '../../security/pan.js';
import type { TransformContext } from '../transform-context.js';
import { PaymentStatus as UcsPaymentStatusValues, type PaymentStatus__Output as UcsPaymentStatus } from './__generated__/types/PaymentStatus.js';
import { UCS_CURRENCIES } from './currencies.js';
import { enumName, type UcsGetResponse, type UcsLookup } from './wire.js';

export interface UcsTransformContext extends TransformContext {
  /** The connector behind connector-service (`UCS_CONNECTOR`), reported as the processor. */
  readonly connector: string;
}

/** Pure: connector-service's Get response → the unified Payment. */
export function transformUcsResponse(wire: UcsGetResponse, lookup: UcsLookup, context: UcsTransformContext): Payment {
  const raw = enumName(wire.status);
  const reading: UcsStatusReading = isKnownStatus(raw) ? readUcsStatus(raw) : notFinal('UNKNOWN');
  const amounts = new AmountReader<PaymentAmountField>();
  // The Get handler echoes the request's amount unless the connector overwrites it.
  const answered = wire.amount?.minor_amount ? { minor: wire.amount.minor_amount, currency: enumName(wire.amount.currency) } : undefined;
  const asked = { minor: lookup.minorAmount.toString(), currency: lookup.currency };
  const echoed = !answered || (answered.minor === asked.minor && answered.currency === asked.currency);
  const { minor, currency } = answered ?? asked;
  const amount = amounts.read('amount', () => moneyFromMinor(minor, currency, UCS_CURRENCIES));
  const capturedAmount = amounts.read('capturedAmount', () => capturedOf(wire, reading, currency));
  const authorizedAmount = amounts.read('authorizedAmount', () =>
    reading.nothingAuthorized ? moneyFromMinor(0n, currency, UCS_CURRENCIES) : undefined,
  );
  const refunds = summarizeRefunds({
    authorized: authorizedAmount,
    captured: capturedAmount,
    refundTotals: [],
    fullyRefundedByStatus: reading.fullyRefunded === true,
  });
  const amountSource: AmountSource = echoed ? 'CALLER_EXPECTATION' : 'PROVIDER';

  return {
    id: context.id,
    provider: 'UCS',
    status: reading.status,
    isFinal: reading.isFinal,
    providerStatus: raw,
    amount,
    amountSource,
    authorizedAmount,
    capturedAmount,
    ...refunds,
    unreadable: amounts.unreadable,
    orderId: wire.merchant_order_id ?? undefined,
    customer: nonEmpty({ id: wire.connector_customer_id ?? undefined, name: wire.customer_name ?? undefined, email: wire.email ?? undefined }),
    card: cardOf(wire),
    paymentMethodType:
      wire.payment_method_type && wire.payment_method_type !== 'PAYMENT_METHOD_TYPE_UNSPECIFIED' ? enumName(wire.payment_method_type) : undefined,
    processor: nonEmpty({
      name: context.connector,
      transactionId: wire.connector_transaction_id || lookup.connectorTransactionId,
      authorizationCode: authCodeOf(wire),
      responseCode: wire.status_code ? String(wire.status_code) : undefined,
      responseMessage: maskPansOptional(wire.error?.connector_details?.message),
    }),
    transactions: [
      {
        type: transactionType(reading.status, lookup),
        status: reading.status,
        providerStatus: raw,
        amount,
        processorTransactionId: wire.network_transaction_id ?? undefined,
      },
    ],
    statusReason: statusReasonOf(wire),
    nextAction: nextActionOf(wire, reading.status),
    createdAt: unixSeconds(wire.created_at),
    updatedAt: unixSeconds(wire.updated_at),
    fetchedAt: context.fetchedAt,
  };
}

function isKnownStatus(raw: string): raw is UcsPaymentStatus {
  return Object.hasOwn(UcsPaymentStatusValues, raw);
}

/** A UCS status reading, with what the status alone proves about the money. */
export interface UcsStatusReading extends StatusReading {
  /** The payment never got an authorization (declined or failed before one). */
  readonly nothingAuthorized?: true;
  /** Everything captured was refunded by the connector. */
  readonly fullyRefunded?: true;
}

const nothingAuthorized = (reading: StatusReading): UcsStatusReading => ({ ...reading, nothingAuthorized: true });

/**
 * All 28 connector-service `PaymentStatus` values (proto/ucs/payment_get.proto) → unified status
 * and finality, after hyperswitch's attempt→intent mapping (docs/providers.md, UCS) except where that
 * would claim more than the status proves:
 * - `PARTIAL_CHARGED_AND_CHARGEABLE` ("remaining amount can be captured") is not final;
 * - `VOID_FAILED` and `CAPTURE_FAILED` leave the authorization standing: AUTHORIZED, not final
 *   (hyperswitch calls both terminal failures, which would hide money still reserved);
 * - `PARTIALLY_AUTHORIZED` is AUTHORIZED with no authorized amount: UCS does not say how much;
 * - `AUTO_REFUNDED` was charged, then refunded in full by the connector: CAPTURED and FULL.
 * Adding a value to the proto and regenerating makes this switch fail the typecheck until mapped.
 */
export function readUcsStatus(status: UcsPaymentStatus): UcsStatusReading {
  switch (status) {
    case 'PAYMENT_METHOD_AWAITED':
      return notFinal('REQUIRES_PAYMENT_METHOD');
    case 'CONFIRMATION_AWAITED':
      return notFinal('REQUIRES_CONFIRMATION');
    case 'AUTHENTICATION_PENDING':
    case 'DEVICE_DATA_COLLECTION_PENDING':
      return notFinal('REQUIRES_ACTION');
    case 'STARTED':
    case 'AUTHENTICATION_SUCCESSFUL':
    case 'AUTHORIZING':
    case 'PENDING':
    case 'COD_INITIATED':
    case 'CAPTURE_INITIATED':
    case 'VOID_INITIATED':
      return notFinal('PROCESSING');
    case 'AUTHORIZED':
    case 'PARTIALLY_AUTHORIZED':
    case 'VOID_FAILED':
    case 'CAPTURE_FAILED':
      return notFinal('AUTHORIZED');
    case 'PARTIAL_CHARGED':
      return final('PARTIALLY_CAPTURED');
    case 'PARTIAL_CHARGED_AND_CHARGEABLE':
      return notFinal('PARTIALLY_CAPTURED');
    case 'CHARGED':
      return final('CAPTURED');
    case 'AUTO_REFUNDED':
      return { ...final('CAPTURED'), fullyRefunded: true };
    case 'VOIDED':
    case 'VOIDED_POST_CAPTURE':
      return final('CANCELLED');
    case 'AUTHORIZATION_FAILED':
      return nothingAuthorized(final('DECLINED'));
    case 'AUTHENTICATION_FAILED':
    case 'ROUTER_DECLINED':
      return nothingAuthorized(final('FAILED'));
    case 'FAILURE':
      return final('FAILED');
    case 'EXPIRED':
      return final('EXPIRED');
    case 'PAYMENT_STATUS_UNSPECIFIED':
    case 'UNRESOLVED':
      return notFinal('UNKNOWN');
    default:
      return assertNever(status);
  }
}

/**
 * `captured_amount` is the connector's own figure. A captured status with a zero (or unset) figure
 * proves a capture but not its size: unknown, never zero.
 */
function capturedOf(wire: UcsGetResponse, reading: StatusReading, currency: string): Money | undefined {
  const capturedStatus = reading.status === 'CAPTURED' || reading.status === 'PARTIALLY_CAPTURED';
  const figure = wire.captured_amount;
  if (figure == null || (capturedStatus && figure === '0')) return undefined;
  return moneyFromMinor(figure, currency, UCS_CURRENCIES);
}

/** The one transaction a Get shows: a sale under automatic capture, else the authorization and its capture. */
function transactionType(status: PaymentStatus, lookup: UcsLookup): TransactionType {
  if (status !== 'CAPTURED' && status !== 'PARTIALLY_CAPTURED') return 'AUTHORIZATION';
  return lookup.captureMethod === 'AUTOMATIC' || lookup.captureMethod === 'SEQUENTIAL_AUTOMATIC' ? 'SALE' : 'CAPTURE';
}

function cardOf(wire: UcsGetResponse): Card | undefined {
  const response = wire.connector_response?.additional_payment_method_data?.card;
  const update = wire.payment_method_update?.card;
  return nonEmpty({
    network: normalizeCardNetwork(update?.card_network ?? response?.card_network),
    domesticNetwork: normalizeCardNetwork(response?.domestic_network),
    last4: cleanLast4(update?.last4_digits),
    expiryMonth: parseExpiryMonth(update?.card_exp_month),
    expiryYear: parseExpiryYear(update?.card_exp_year),
    holderName: update?.card_holder_name ?? undefined,
    issuerCountry: update?.issuer_country ?? undefined,
    issuerName: update?.card_issuer ?? undefined,
  });
}

function authCodeOf(wire: UcsGetResponse): string | undefined {
  const data = wire.connector_response?.additional_payment_method_data;
  return data?.card?.auth_code ?? data?.google_pay?.auth_code ?? data?.apple_pay?.auth_code ?? undefined;
}

function statusReasonOf(wire: UcsGetResponse): StatusReason | undefined {
  const error = wire.error;
  if (!error) return undefined;
  const network = error.issuer_details?.network_details;
  return nonEmpty({
    category: error.unified_details?.code ?? undefined,
    code: error.connector_details?.code ?? network?.decline_code ?? error.issuer_details?.code ?? undefined,
    message: maskPansOptional(error.connector_details?.message ?? error.unified_details?.message ?? error.issuer_details?.message ?? network?.error_message),
    advisedAction: network?.advice_code ?? undefined,
  });
}

function nextActionOf(wire: UcsGetResponse, status: PaymentStatus): NextAction | undefined {
  if (status !== 'REQUIRES_ACTION') return undefined;
  const redirect = wire.redirection_data;
  if (redirect?.uri?.uri) return { type: 'REDIRECT', url: redirect.uri.uri };
  if (redirect?.form?.endpoint) return { type: 'REDIRECT_FORM', url: redirect.form.endpoint };
  return { type: 'CUSTOMER_ACTION' };
}

/** UCS timestamps are int64 Unix seconds (as strings here) and usually unset. */
function unixSeconds(value: string | null | undefined): Date | undefined {
  if (!value || value === '0') return undefined;
  return new Date(Number(value) * 1000);
}
