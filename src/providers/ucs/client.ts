import * as grpc from '@grpc/grpc-js';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../../errors/payment-lookup-error.js';
import type { RequestScope } from '../../request/request-scope.js';
import { traceHeaders } from '../../request/trace-context.js';
import type { Payment } from '../../model/payment.js';
import type { Secret } from '../../security/secret.js';
import type { ProviderAdapter } from '../adapter.js';
import type { CallSettings } from '../call-settings.js';
import { errorForUpstreamStatus } from '../upstream-status.js';
import { ucsErrorDetailType, ucsGrpcPackage } from './proto.js';
import { transformUcsResponse } from './transform.js';
import { startUnaryCall } from './unary-call.js';
import { enumName, parseUcsPaymentId, ucsGetRequest, type UcsGetResponse, type UcsLookup } from './wire.js';

export interface UcsConnection {
  /** `host:port` of the connector-service gRPC server (port 8000 in its configs). */
  readonly address: string;
  /** The connector's name as in connector-service's `ConnectorSpecificConfig`, e.g. `Stripe`, `Adyen`. */
  readonly connector: string;
  /** The full `x-connector-config` value: `{"config":{"<Connector>":{…credentials…}}}`. */
  readonly connectorConfig: Secret;
  /** TLS to the server; the CA bundle when it is not a public one. */
  readonly tls?: { readonly ca?: Buffer };
}

/**
 * connector-service `types.PaymentService/Get` over gRPC. The connector and its credentials travel
 * in the `x-connector-config` metadata (the `x-connector-auth` form in the seed is deprecated) —
 * connector-service `crates/types-traits/ucs_interface_common/src/auth.rs`.
 */
export function createUcsAdapter(connection: UcsConnection, calls: CallSettings): ProviderAdapter {
  const { types } = ucsGrpcPackage();
  const credentials = connection.tls ? grpc.credentials.createSsl(connection.tls.ca ?? null) : grpc.credentials.createInsecure();
  const client = new types.PaymentService(connection.address, credentials, {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': calls.maxBodyBytes,
    // Retries are this service's policy (src/resilience/retry-policy.ts); grpc-js's own transparent
    // retries would multiply attempts and buffer every call for replay.
    'grpc.enable_retries': 0,
  });
  // Calls go straight on the channel (see startUnaryCall); the client only owns it.
  const channel = client.getChannel();
  const getMethod = types.PaymentService.service.Get;

  // OpenTelemetry's gRPC client attributes: https://opentelemetry.io/docs/specs/semconv/rpc/grpc/
  const [serverAddress, serverPort] = splitAddress(connection.address);
  const spanAttributes = {
    'rpc.system': 'grpc',
    'rpc.service': 'types.PaymentService',
    'rpc.method': 'Get',
    'server.address': serverAddress,
    'server.port': serverPort,
    'payments.provider': 'UCS',
  };

  function get(lookup: UcsLookup, scope: RequestScope): Promise<UcsGetResponse> {
    if (scope.cancelled) return Promise.reject(lookupError(ErrorCode.REQUEST_CANCELLED, 'UCS'));
    const span = scope.tracer.start('types.PaymentService/Get', 'client', scope.trace, spanAttributes);
    const metadata = new grpc.Metadata();
    metadata.set('x-connector-config', connection.connectorConfig.reveal());
    metadata.set('x-request-id', scope.requestId);
    for (const [name, value] of Object.entries(traceHeaders(span.context))) metadata.set(name, value);
    const budgetMs = Math.min(calls.totalTimeoutMs, scope.remainingMs());
    // When the request's deadline, not the call's own limit, sets the gRPC deadline, running out is the request's doing.
    const deadlineBound = budgetMs < calls.totalTimeoutMs;
    const call = startUnaryCall(channel, getMethod, ucsGetRequest(lookup), metadata, Date.now() + budgetMs);
    const unsubscribe = scope.onCancel(() => {
      call.cancel();
    });
    return call.outcome.then((outcome) => {
      unsubscribe();
      span.setAttributes({ 'rpc.grpc.status_code': outcome.ok ? grpc.status.OK : outcome.error.code });
      if (outcome.ok) {
        span.end();
        return outcome.response;
      }
      const failure = grpcFailure(outcome.error, scope.cancelled, deadlineBound);
      span.fail(failure.code);
      span.end();
      throw failure;
    });
  }

  return {
    provider: 'UCS',
    idProblem(id) {
      const parsed = parseUcsPaymentId(id);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
    async fetchPayment(id: string, scope: RequestScope): Promise<Payment> {
      const lookup = parseUcsPaymentId(id);
      if ('problem' in lookup) throw lookupError(ErrorCode.BAD_USER_INPUT, 'UCS', { detail: lookup.problem });
      const response = await get(lookup, scope);
      const inBand = inBandFailure(response);
      if (inBand) throw inBand;
      // An answer for another connector transaction is not this payment's (an unset id is UCS's sparse Get, not another payment).
      if (response.connector_transaction_id && response.connector_transaction_id !== lookup.connectorTransactionId) {
        throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { detail: 'the body describes another payment than the one asked for' });
      }
      return transformUcsResponse(response, lookup, { id, fetchedAt: new Date(), connector: connection.connector });
    },
    close() {
      client.close();
      return Promise.resolve();
    },
  };
}

/**
 * gRPC statuses as the HTTP statuses they stand for, so that they read through the same table
 * (`errorForUpstreamStatus`): connector-service turns a connector's 404 into NOT_FOUND, 429 into
 * RESOURCE_EXHAUSTED, 401/403 into UNAUTHENTICATED / PERMISSION_DENIED, 503 into UNAVAILABLE and 504
 * or its own timeouts into DEADLINE_EXCEEDED (docs/providers.md, UCS "Errors two ways").
 */
const GRPC_AS_HTTP: Readonly<Record<grpc.status, number>> = {
  [grpc.status.OK]: 502,
  [grpc.status.CANCELLED]: 502,
  [grpc.status.UNKNOWN]: 502,
  [grpc.status.INVALID_ARGUMENT]: 400,
  [grpc.status.DEADLINE_EXCEEDED]: 504,
  [grpc.status.NOT_FOUND]: 404,
  [grpc.status.ALREADY_EXISTS]: 502,
  [grpc.status.PERMISSION_DENIED]: 403,
  [grpc.status.RESOURCE_EXHAUSTED]: 429,
  [grpc.status.FAILED_PRECONDITION]: 400,
  [grpc.status.ABORTED]: 502,
  [grpc.status.OUT_OF_RANGE]: 400,
  [grpc.status.UNIMPLEMENTED]: 400,
  [grpc.status.INTERNAL]: 500,
  [grpc.status.UNAVAILABLE]: 503,
  [grpc.status.DATA_LOSS]: 502,
  [grpc.status.UNAUTHENTICATED]: 401,
};

/** A failed gRPC call → the error contract; only cancellation and undecodable answers need more than the table. */
export function grpcFailure(error: grpc.ServiceError, cancelledByCaller: boolean, deadlineBound = false): PaymentLookupError {
  const name = grpc.status[error.code];
  const upstreamStatus = connectorHttpStatus(error) ?? name;
  if (error.code === grpc.status.CANCELLED) {
    if (cancelledByCaller) return lookupError(ErrorCode.REQUEST_CANCELLED, 'UCS', { upstreamStatus });
    return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { upstreamStatus, detail: 'the call was cancelled' });
  }
  // A response that cannot be decoded ends as INTERNAL "Response message parsing error" (startUnaryCall, as grpc-js's client does).
  if (error.code === grpc.status.INTERNAL && /pars(e|ing)/i.test(error.details)) {
    return lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { upstreamStatus, detail: 'the response could not be decoded' });
  }
  // grpc-js reports its own client deadline as DEADLINE_EXCEEDED too, without the connector's details.
  if (error.code === grpc.status.DEADLINE_EXCEEDED && deadlineBound && connectorHttpStatus(error) === undefined) {
    return lookupError(ErrorCode.PROVIDER_TIMEOUT, 'UCS', { upstreamStatus, endedByRequest: true });
  }
  return errorForUpstreamStatus('UCS', GRPC_AS_HTTP[error.code], { upstreamStatus, detail: name });
}

/** The connector's HTTP status from the `types.ConnectorError` in `grpc-status-details-bin`, for logs. */
function connectorHttpStatus(error: grpc.ServiceError): number | undefined {
  const details = error.metadata.get('grpc-status-details-bin')[0];
  if (!Buffer.isBuffer(details)) return undefined;
  try {
    const decoded = ucsErrorDetailType('ConnectorError').decode(details) as unknown as { http_status_code?: number };
    return decoded.http_status_code || undefined;
  } catch {
    return undefined;
  }
}

/**
 * An OK response can carry a failure: `error` set and no status (connector-service's error branch
 * leaves `PAYMENT_STATUS_UNSPECIFIED`). Judged by the connector's HTTP `status_code`. A response with
 * a real status and an `error` (a decline) is payment data, not a lookup failure.
 */
export function inBandFailure(response: UcsGetResponse): PaymentLookupError | undefined {
  const status = enumName(response.status);
  if (!response.error || (status !== 'PAYMENT_STATUS_UNSPECIFIED' && status !== '0')) return undefined;
  const http = response.status_code;
  if (http >= 400) return errorForUpstreamStatus('UCS', http, { label: 'connector HTTP' });
  return lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { upstreamStatus: http, detail: 'an error without a status' });
}

/** `host:port` (UCS_ADDRESS is validated to that form) as OpenTelemetry's `server.address` and `server.port`. */
function splitAddress(address: string): [string, number] {
  const separator = address.lastIndexOf(':');
  return [address.slice(0, separator), Number(address.slice(separator + 1))];
}
