import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../../errors/payment-lookup-error.js';
import type { RequestScope } from '../../loading/request-scope.js';
import type { Payment } from '../../model/payment.js';
import type { Secret } from '../../security/secret.js';
import type { ProviderAdapter } from '../adapter.js';
import type { HttpSettings } from '../http/settings.js';
import { ucsErrorDetailType, ucsGrpcPackage } from './proto.js';
import { transformUcsResponse } from './transform.js';
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
export function createUcsAdapter(connection: UcsConnection, http: HttpSettings): ProviderAdapter {
  const { types } = ucsGrpcPackage();
  const credentials = connection.tls ? grpc.credentials.createSsl(connection.tls.ca ?? null) : grpc.credentials.createInsecure();
  const client = new types.PaymentService(connection.address, credentials, {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': http.maxBodyBytes,
    // Retries are this service's policy (src/resilience/retry-policy.ts); grpc-js's own transparent
    // retries would multiply attempts and buffer every call for replay.
    'grpc.enable_retries': 0,
  });

  function get(lookup: UcsLookup, scope: RequestScope): Promise<UcsGetResponse> {
    const metadata = new grpc.Metadata();
    metadata.set('x-connector-config', connection.connectorConfig.reveal());
    metadata.set('x-request-id', randomUUID());
    if (scope.cancelled) return Promise.reject(lookupError(ErrorCode.REQUEST_CANCELLED, 'UCS'));
    return new Promise((resolve, reject) => {
      const budgetMs = Math.min(http.totalTimeoutMs, scope.remainingMs());
      const call = client.Get(ucsGetRequest(lookup), metadata, { deadline: Date.now() + budgetMs }, (error, response) => {
        unsubscribe();
        if (error) reject(grpcFailure(error, scope.cancelled));
        else if (!response) reject(lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { detail: 'empty response' }));
        else resolve(response);
      });
      // Declared after the call: grpc-js only ever calls back asynchronously.
      const unsubscribe = scope.onCancel(() => {
        call.cancel();
      });
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
 * The gRPC status → the error contract (PROVIDERS.md §1 "errors"): connector-service turns a
 * connector's 404 into NOT_FOUND, 429 into RESOURCE_EXHAUSTED, 401/403 into UNAUTHENTICATED /
 * PERMISSION_DENIED, 503 into UNAVAILABLE and 504 or its own timeouts into DEADLINE_EXCEEDED.
 */
export function grpcFailure(error: grpc.ServiceError, cancelledByCaller: boolean): PaymentLookupError {
  const upstream = { upstreamStatus: connectorHttpStatus(error) ?? grpc.status[error.code] };
  switch (error.code) {
    case grpc.status.NOT_FOUND:
      return lookupError(ErrorCode.PAYMENT_NOT_FOUND, 'UCS', upstream);
    case grpc.status.RESOURCE_EXHAUSTED:
      return lookupError(ErrorCode.PROVIDER_RATE_LIMITED, 'UCS', upstream);
    case grpc.status.UNAUTHENTICATED:
    case grpc.status.PERMISSION_DENIED:
      return lookupError(ErrorCode.PROVIDER_AUTH_FAILED, 'UCS', upstream);
    case grpc.status.DEADLINE_EXCEEDED:
      return lookupError(ErrorCode.PROVIDER_TIMEOUT, 'UCS', upstream);
    case grpc.status.CANCELLED:
      return cancelledByCaller
        ? lookupError(ErrorCode.REQUEST_CANCELLED, 'UCS', upstream)
        : lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { ...upstream, detail: 'the call was cancelled' });
    case grpc.status.INVALID_ARGUMENT:
    case grpc.status.FAILED_PRECONDITION:
    case grpc.status.OUT_OF_RANGE:
    case grpc.status.UNIMPLEMENTED:
      return lookupError(ErrorCode.PROVIDER_REJECTED, 'UCS', { ...upstream, detail: grpc.status[error.code] });
    case grpc.status.INTERNAL:
      // grpc-js reports a response it cannot decode as INTERNAL "Response message parsing error".
      return /pars(e|ing)/i.test(error.details)
        ? lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { ...upstream, detail: 'the response could not be decoded' })
        : lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { ...upstream, detail: 'INTERNAL' });
    case grpc.status.UNAVAILABLE:
    case grpc.status.UNKNOWN:
    case grpc.status.ABORTED:
    case grpc.status.ALREADY_EXISTS:
    case grpc.status.DATA_LOSS:
    case grpc.status.OK:
      return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { ...upstream, detail: grpc.status[error.code] });
    default: {
      const unhandled: never = error.code;
      return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { detail: `gRPC status ${String(unhandled)}` });
    }
  }
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
  const upstream = { upstreamStatus: http };
  if (http === 404) return lookupError(ErrorCode.PAYMENT_NOT_FOUND, 'UCS', upstream);
  if (http === 401 || http === 403) return lookupError(ErrorCode.PROVIDER_AUTH_FAILED, 'UCS', upstream);
  if (http === 429) return lookupError(ErrorCode.PROVIDER_RATE_LIMITED, 'UCS', upstream);
  if (http === 408 || http === 504) return lookupError(ErrorCode.PROVIDER_TIMEOUT, 'UCS', upstream);
  if (http >= 500) return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, 'UCS', { ...upstream, detail: `connector HTTP ${String(http)}` });
  if (http >= 400) return lookupError(ErrorCode.PROVIDER_REJECTED, 'UCS', { ...upstream, detail: `connector HTTP ${String(http)}` });
  return lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, 'UCS', { ...upstream, detail: 'an error without a status' });
}
