import { ErrorCode } from '../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { Provider } from '../model/provider.js';

export interface UpstreamStatusOptions {
  /** Seconds the provider asked to wait (Retry-After), carried to the client on a 429. */
  readonly retryAfterSeconds?: number | undefined;
  /** What the status is called in the error's detail: `HTTP` (default), `connector HTTP`. */
  readonly label?: string;
  /** The detail in full, instead of `<label> <status>`. */
  readonly detail?: string;
  /** What the provider actually answered, when `status` is an equivalent (a gRPC status name), for logs and the retry policy. */
  readonly upstreamStatus?: number | string;
}

/**
 * The meaning of a provider's HTTP status, the one table for every provider: the REST providers'
 * own responses, the connector's HTTP status that connector-service reports in-band, and (through
 * their HTTP equivalents) connector-service's gRPC statuses. Providers
 * handle their documented exceptions (Primer's 400 `PaymentError` = not found) before this.
 */
export function errorForUpstreamStatus(provider: Provider, status: number, options: UpstreamStatusOptions = {}): PaymentLookupError {
  const upstream = { upstreamStatus: options.upstreamStatus ?? status };
  const label = options.detail ?? `${options.label ?? 'HTTP'} ${String(status)}`;
  if (status === 404) return lookupError(ErrorCode.PAYMENT_NOT_FOUND, provider, upstream);
  if (status === 401 || status === 403) return lookupError(ErrorCode.PROVIDER_AUTH_FAILED, provider, upstream);
  if (status === 429) {
    const { retryAfterSeconds } = options;
    return lookupError(ErrorCode.PROVIDER_RATE_LIMITED, provider, { ...upstream, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
  }
  if (status === 408 || status === 504) return lookupError(ErrorCode.PROVIDER_TIMEOUT, provider, upstream);
  if (status >= 500) return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, provider, { ...upstream, detail: label });
  if (status >= 400) return lookupError(ErrorCode.PROVIDER_REJECTED, provider, { ...upstream, detail: label });
  return lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, provider, { ...upstream, detail: `unexpected ${label}` });
}
