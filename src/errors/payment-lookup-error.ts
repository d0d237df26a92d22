import { PROVIDER_DISPLAY_NAMES, type Provider } from '../model/provider.js';
import { assertNever } from '../model/exhaustive.js';
import { clientMayRetry, ErrorCode } from './codes.js';

export interface PaymentLookupErrorOptions {
  /** HTTP status (or gRPC status name) the provider answered, for logs. */
  readonly upstreamStatus?: number | string;
  /** Seconds the provider asked us to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
  /**
   * The request's own deadline (or its client leaving) ended the call, not the provider: it says
   * nothing about the provider's health, so the circuit breaker does not count it.
   */
  readonly endedByRequest?: boolean;
  readonly cause?: unknown;
}

/**
 * Why one payment could not be read. Adapters throw it; the GraphQL layer turns it into a coded
 * error at the payment's path. Messages are written for clients: they never carry provider bodies,
 * credentials or ids (an id may be a mistyped PAN).
 */
export class PaymentLookupError extends Error {
  override readonly name = 'PaymentLookupError';
  readonly retryable: boolean;
  readonly upstreamStatus?: number | string;
  readonly retryAfterSeconds?: number;
  readonly endedByRequest: boolean;

  constructor(
    readonly code: ErrorCode,
    readonly provider: Provider | undefined,
    message: string,
    options: PaymentLookupErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = clientMayRetry(code);
    this.endedByRequest = options.endedByRequest === true;
    if (options.upstreamStatus !== undefined) this.upstreamStatus = options.upstreamStatus;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Standard client-facing messages, one per code, so wording stays consistent across providers. */
export function lookupError(
  code: ErrorCode,
  provider: Provider,
  options: PaymentLookupErrorOptions & { detail?: string } = {},
): PaymentLookupError {
  const name = PROVIDER_DISPLAY_NAMES[provider];
  const detail = options.detail ? `: ${options.detail}` : '';
  return new PaymentLookupError(code, provider, `${messageFor(code, name)}${detail}`, options);
}

function messageFor(code: ErrorCode, name: string): string {
  switch (code) {
    case ErrorCode.PAYMENT_NOT_FOUND:
      return `${name} has no payment with this id`;
    case ErrorCode.BAD_USER_INPUT:
      return `The payment reference is not valid for ${name}`;
    case ErrorCode.BAD_REQUEST:
      return `The request cannot be answered for ${name}`;
    case ErrorCode.UNAUTHENTICATED:
      return `Authentication is needed to read from ${name}`;
    case ErrorCode.FORBIDDEN:
      return `The caller may not read this from ${name}`;
    case ErrorCode.PROVIDER_NOT_CONFIGURED:
      return `${name} is not configured in this deployment`;
    case ErrorCode.PROVIDER_AUTH_FAILED:
      return `${name} rejected this service's credentials`;
    case ErrorCode.PROVIDER_RATE_LIMITED:
      return `${name} is rate-limiting requests`;
    case ErrorCode.PROVIDER_TIMEOUT:
      return `${name} did not answer in time`;
    case ErrorCode.PROVIDER_UNAVAILABLE:
      return `${name} is unavailable`;
    case ErrorCode.PROVIDER_BAD_RESPONSE:
      return `${name} sent a response this service cannot read`;
    case ErrorCode.PROVIDER_REJECTED:
      return `${name} rejected the request`;
    case ErrorCode.PROVIDER_OVERLOADED:
      return `Too many ${name} calls are in flight`;
    case ErrorCode.AMOUNT_NOT_REPRESENTABLE:
      return `${name} sent an amount this service cannot represent exactly`;
    case ErrorCode.REQUEST_CANCELLED:
      return `The request ended before ${name} answered`;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return `Unexpected error while reading from ${name}`;
    default:
      return assertNever(code);
  }
}
