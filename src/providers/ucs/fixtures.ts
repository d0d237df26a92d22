import type * as grpc from '@grpc/grpc-js';
import { status as grpcStatus } from '@grpc/grpc-js';
import { PaymentStatus } from './__generated__/types/PaymentStatus.js';
import type { PaymentStatus__Output as UcsPaymentStatus } from './__generated__/types/PaymentStatus.js';
import type { PaymentServiceGetResponse } from './__generated__/types/PaymentServiceGetResponse.js';
import { UCS_GENERATED_ID_PREFIX } from './sample-ids.js';

/**
 * UCS simulator data. connector-service is stateless and echoes the requested amount; what it adds
 * is the connector's status and references. Every `PaymentStatus` has a sample id
 * `pi_<status in lower case>` (e.g. `pi_charged`), plus connector-specific and in-band error cases.
 */
export type UcsFixture =
  | { readonly kind: 'status'; readonly status: UcsPaymentStatus; readonly extra?: Partial<PaymentServiceGetResponse> }
  /** Adyen's `Authorised`: AUTHORIZED under manual capture, CHARGED otherwise (adyen/transformers.rs). */
  | { readonly kind: 'adyen_authorised' }
  /** Red-team (test/security): a decline whose message echoes the `x-connector-config` it was sent. */
  | { readonly kind: 'echo_connector_config' }
  | { readonly kind: 'grpc_error'; readonly code: grpc.status; readonly httpStatus?: number; readonly message: string }
  /** Never answers: the client's deadline must end the call. */
  | { readonly kind: 'stall' };

/**
 * connector-service's failures, as gRPC statuses with the connector's HTTP status in the details, each
 * answered for `pi_fault_<name>`: the one list the fault ids derive from.
 */
const grpcFault = (code: grpc.status, httpStatus: number, message: string): UcsFixture => ({ kind: 'grpc_error', code, httpStatus, message });
export const UCS_FAULTS: ReadonlyArray<{ readonly name: string; readonly fixture: UcsFixture }> = [
  { name: 'not_found', fixture: grpcFault(grpcStatus.NOT_FOUND, 404, 'No such payment_intent') },
  { name: 'rate_limited', fixture: grpcFault(grpcStatus.RESOURCE_EXHAUSTED, 429, 'Too many requests') },
  { name: 'unauthenticated', fixture: grpcFault(grpcStatus.UNAUTHENTICATED, 401, 'Invalid API key') },
  { name: 'permission_denied', fixture: grpcFault(grpcStatus.PERMISSION_DENIED, 403, 'Forbidden') },
  { name: 'unavailable', fixture: grpcFault(grpcStatus.UNAVAILABLE, 503, 'Connector unavailable') },
  { name: 'deadline_exceeded', fixture: grpcFault(grpcStatus.DEADLINE_EXCEEDED, 504, 'Connector timed out') },
  { name: 'internal', fixture: grpcFault(grpcStatus.INTERNAL, 500, 'Connector error') },
  { name: 'invalid_argument', fixture: grpcFault(grpcStatus.INVALID_ARGUMENT, 400, 'Invalid request') },
  /** Never answers: the client's deadline must end the call. */
  { name: 'stall', fixture: { kind: 'stall' } },
];

export const UCS_STATUS_IDS: Readonly<Record<string, UcsPaymentStatus>> = Object.fromEntries(
  (Object.keys(PaymentStatus) as UcsPaymentStatus[]).map((status) => [`pi_${status.toLowerCase()}`, status]),
);

const declineError = {
  connector_details: { code: 'card_declined', message: 'Your card was declined.', reason: 'insufficient_funds' },
  issuer_details: { code: 'VISA', message: 'Insufficient funds', network_details: { decline_code: '51', advice_code: '02' } },
};

/** By connector transaction id (a map: an id such as `toString` finds nothing). */
export const UCS_FIXTURES: ReadonlyMap<string, UcsFixture> = new Map(
  Object.entries({
    ...Object.fromEntries(Object.entries(UCS_STATUS_IDS).map(([id, status]) => [id, { kind: 'status', status } as const])),
    pi_adyen_authorised: { kind: 'adyen_authorised' },
    pi_echo_config: { kind: 'echo_connector_config' },
    pi_declined_in_band: { kind: 'status', status: 'AUTHORIZATION_FAILED', extra: { error: declineError, status_code: 402 } },
    /** An answer for another connector transaction than the one asked for. */
    pi_other_payment: { kind: 'status', status: 'CHARGED', extra: { connector_transaction_id: 'pi_someone_else' } },
    pi_error_in_band_404: {
      kind: 'status',
      status: 'PAYMENT_STATUS_UNSPECIFIED',
      extra: { status_code: 404, error: { connector_details: { code: 'resource_missing', message: 'No such payment_intent' } } },
    },
    pi_error_in_band_500: {
      kind: 'status',
      status: 'PAYMENT_STATUS_UNSPECIFIED',
      extra: { status_code: 500, error: { connector_details: { code: 'api_error', message: 'Connector failure' } } },
    },
    ...Object.fromEntries(UCS_FAULTS.map((fault) => [`pi_fault_${fault.name}`, fault.fixture])),
  }),
);

export function ucsFixtureFor(connectorTransactionId: string): UcsFixture | undefined {
  return (
    UCS_FIXTURES.get(connectorTransactionId) ??
    (connectorTransactionId.startsWith(UCS_GENERATED_ID_PREFIX) ? { kind: 'status', status: 'CHARGED' } : undefined)
  );
}

/** What a connector reports alongside a status: captured amount, card data, 3DS redirect. */
export function responseFor(status: UcsPaymentStatus, minorAmount: bigint): Partial<PaymentServiceGetResponse> {
  const captured = status === 'CHARGED' || status === 'AUTO_REFUNDED' ? minorAmount : status.startsWith('PARTIAL_CHARGED') ? minorAmount / 2n : 0n;
  const card = { card_network: 'Visa', auth_code: status === 'AUTHORIZED' || captured > 0n ? 'A1B2C3' : undefined };
  return {
    captured_amount: captured.toString(),
    network_transaction_id: captured > 0n || status === 'AUTHORIZED' ? '586923145671234' : undefined,
    connector_response: { additional_payment_method_data: { card } },
    ...(status === 'AUTHENTICATION_PENDING'
      ? { redirection_data: { uri: { uri: 'https://hooks.stripe.com/3d_secure_2/authenticate/sim' } } }
      : {}),
  };
}
