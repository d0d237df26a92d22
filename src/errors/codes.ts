import { assertNever } from '../model/exhaustive.js';

/**
 * The error contract (README, "Errors"). Clients switch on `extensions.code` because gateways redact
 * messages. Codes are stable once shipped: add, never rename.
 */
export enum ErrorCode {
  /** The caller is not authenticated (no valid credentials, or a field needs an authenticated end user). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller is known but lacks the scope a field needs, or is not the gateway. */
  FORBIDDEN = 'FORBIDDEN',
  /** The provider has no payment with this id. */
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  /** The request itself is wrong (malformed id, too many refs); retrying it unchanged will not help. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The request is not one this service answers (a mutation, a persisted-query hash that does not match its query). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** This deployment has no credentials for the provider. */
  PROVIDER_NOT_CONFIGURED = 'PROVIDER_NOT_CONFIGURED',
  /** The provider refused our credentials (401/403). */
  PROVIDER_AUTH_FAILED = 'PROVIDER_AUTH_FAILED',
  /** The provider is rate-limiting us (429); `extensions.retryAfterSeconds` when it said. */
  PROVIDER_RATE_LIMITED = 'PROVIDER_RATE_LIMITED',
  /** The provider did not answer in time. */
  PROVIDER_TIMEOUT = 'PROVIDER_TIMEOUT',
  /** The provider could not be reached or answered 5xx. */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** The provider answered something we cannot read: not JSON, too large, or not its documented shape. */
  PROVIDER_BAD_RESPONSE = 'PROVIDER_BAD_RESPONSE',
  /** Too many calls to this provider are already in flight and queued here; retry shortly. */
  PROVIDER_OVERLOADED = 'PROVIDER_OVERLOADED',
  /** The provider rejected the request for a reason it did not classify (an undocumented 4xx). */
  PROVIDER_REJECTED = 'PROVIDER_REJECTED',
  /**
   * One amount field the provider sent cannot be represented exactly (unknown currency, more decimals
   * than its currency has, negative, or beyond Int64): that field is null, the rest of the payment
   * arrives. `extensions.reason` says which.
   */
  AMOUNT_NOT_REPRESENTABLE = 'AMOUNT_NOT_REPRESENTABLE',
  /** The client went away before the provider answered; a connected client never sees it. */
  REQUEST_CANCELLED = 'REQUEST_CANCELLED',
  /** A bug on our side; details are in the logs, never in the response. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Whether the *client* may succeed by sending the same request later: `extensions.retryable`.
 * Not to be confused with the service's own retry policy (`policyRetries` in
 * src/resilience/retry-policy.ts), which decides what this service tries again before answering.
 */
export function clientMayRetry(code: ErrorCode): boolean {
  switch (code) {
    case ErrorCode.PROVIDER_RATE_LIMITED:
    case ErrorCode.PROVIDER_TIMEOUT:
    case ErrorCode.PROVIDER_UNAVAILABLE:
    case ErrorCode.PROVIDER_OVERLOADED:
    case ErrorCode.REQUEST_CANCELLED:
      return true;
    case ErrorCode.PAYMENT_NOT_FOUND:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.BAD_REQUEST:
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.PROVIDER_NOT_CONFIGURED:
    case ErrorCode.PROVIDER_AUTH_FAILED:
    case ErrorCode.PROVIDER_BAD_RESPONSE:
    case ErrorCode.PROVIDER_REJECTED:
    case ErrorCode.AMOUNT_NOT_REPRESENTABLE:
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return false;
    default:
      return assertNever(code);
  }
}
