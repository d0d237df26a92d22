import { cleanLast4, normalizeCardNetwork, parseExpiryMonth, parseExpiryYear } from '../../model/card.js';
import { nonEmpty } from '../../model/compact.js';
import { normalizeCurrency } from '../../model/currency.js';
import { money, type Money } from '../../model/money.js';
import type { Card, NextAction, Payment, StatusReason } from '../../model/payment.js';
import { assertNever, type PaymentStatus } from '../../model/status.js';
import { maskPansOptional } from '../../security/pan.js';
import { PaymentStatus as UcsPaymentStatusValues, type PaymentStatus__Output as UcsPaymentStatus } from './__generated__/types/PaymentStatus.js';
import { enumName, type UcsGetResponse, type UcsLookup } from './wire.js';

export interface TransformContext {
  readonly fetchedAt: Date;
  /** The id the caller asked for (it carries the amount and capture method), kept as the payment's id. */
  readonly paymentId: string;
  readonly connector: string;
}

/** Pure: connector-service's Get response → the unified Payment. */
export function transformUcsResponse(wire: UcsGetResponse, lookup: UcsLookup, context: TransformContext): Payment {
  const raw = enumName(wire.status);
  const status = isKnownStatus(raw) ? mapUcsStatus(raw) : 'UNKNOWN';
  // The Get handler echoes the request's amount unless the connector overwrites it.
  const currency = (wire.amount?.currency ? normalizeCurrency(enumName(wire.amount.currency)) : undefined) ?? lookup.currency;
  const amount = money(wire.amount?.minor_amount ? BigInt(wire.amount.minor_amount) : lookup.minorAmount, currency);
  const captured = wire.captured_amount != null ? money(BigInt(wire.captured_amount), currency) : undefined;
  const card = cardOf(wire);
  const authorizationCode = authCodeOf(wire);

  return {
    id: context.paymentId,
    provider: 'UCS',
    status,
    providerStatus: raw,
    amount,
    authorizedAmount: authorizedOf(status, amount, currency),
    capturedAmount: captured,
    refundedAmount: raw === 'AUTO_REFUNDED' ? (captured ?? amount) : undefined,
    orderId: wire.merchant_order_id ?? undefined,
    customer: nonEmpty({ id: wire.connector_customer_id ?? undefined, name: wire.customer_name ?? undefined, email: wire.email ?? undefined }),
    card,
    paymentMethodType:
      wire.payment_method_type && wire.payment_method_type !== 'PAYMENT_METHOD_TYPE_UNSPECIFIED' ? enumName(wire.payment_method_type) : undefined,
    processor: nonEmpty({
      name: context.connector,
      transactionId: wire.connector_transaction_id || lookup.connectorTransactionId,
      authorizationCode,
      responseCode: wire.status_code ? String(wire.status_code) : undefined,
      responseMessage: maskPansOptional(wire.error?.connector_details?.message),
    }),
    transactions: [
      {
        type: lookup.captureMethod && lookup.captureMethod !== 'AUTOMATIC' ? 'AUTHORIZATION' : 'SALE',
        status,
        providerStatus: raw,
        amount,
        processorTransactionId: wire.network_transaction_id ?? undefined,
      },
    ],
    statusReason: statusReasonOf(wire),
    nextAction: nextActionOf(wire, status),
    createdAt: unixSeconds(wire.created_at),
    updatedAt: unixSeconds(wire.updated_at),
    fetchedAt: context.fetchedAt,
  };
}

function isKnownStatus(raw: string): raw is UcsPaymentStatus {
  return raw in UcsPaymentStatusValues;
}

/**
 * All 28 connector-service `PaymentStatus` values (proto/ucs/payment_get.proto) → unified status,
 * following hyperswitch's attempt→intent mapping (STATUS-MODEL.md). Adding a value to the proto
 * and regenerating makes this switch fail the typecheck until the value is mapped.
 */
export function mapUcsStatus(status: UcsPaymentStatus): PaymentStatus {
  switch (status) {
    case 'PAYMENT_METHOD_AWAITED':
      return 'REQUIRES_PAYMENT_METHOD';
    case 'CONFIRMATION_AWAITED':
      return 'REQUIRES_CONFIRMATION';
    case 'AUTHENTICATION_PENDING':
    case 'DEVICE_DATA_COLLECTION_PENDING':
      return 'REQUIRES_ACTION';
    case 'STARTED':
    case 'AUTHENTICATION_SUCCESSFUL':
    case 'AUTHORIZING':
    case 'PENDING':
    case 'COD_INITIATED':
    case 'CAPTURE_INITIATED':
    case 'VOID_INITIATED':
      return 'PROCESSING';
    case 'AUTHORIZED':
    case 'PARTIALLY_AUTHORIZED':
      return 'AUTHORIZED';
    case 'PARTIAL_CHARGED':
    case 'PARTIAL_CHARGED_AND_CHARGEABLE':
      return 'PARTIALLY_CAPTURED';
    // AUTO_REFUNDED: charged, then refunded by the connector; the refund shows in refundedAmount.
    case 'CHARGED':
    case 'AUTO_REFUNDED':
      return 'CAPTURED';
    case 'VOIDED':
    case 'VOIDED_POST_CAPTURE':
      return 'CANCELLED';
    case 'AUTHORIZATION_FAILED':
      return 'DECLINED';
    case 'FAILURE':
    case 'AUTHENTICATION_FAILED':
    case 'ROUTER_DECLINED':
    case 'CAPTURE_FAILED':
    case 'VOID_FAILED':
      return 'FAILED';
    case 'EXPIRED':
      return 'EXPIRED';
    case 'PAYMENT_STATUS_UNSPECIFIED':
    case 'UNRESOLVED':
      return 'UNKNOWN';
    default:
      return assertNever(status);
  }
}

function authorizedOf(status: PaymentStatus, amount: Money, currency: string): Money | undefined {
  switch (status) {
    case 'AUTHORIZED':
    case 'PARTIALLY_CAPTURED':
    case 'CAPTURED':
      return amount;
    case 'DECLINED':
    case 'FAILED':
      return money(0n, currency);
    case 'REQUIRES_PAYMENT_METHOD':
    case 'REQUIRES_CONFIRMATION':
    case 'REQUIRES_ACTION':
    case 'PROCESSING':
    case 'CANCELLED':
    case 'EXPIRED':
    case 'UNKNOWN':
      return undefined;
    default:
      return assertNever(status);
  }
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
