import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/codes.js';
import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import { scrubDeep, scrubText } from '../security/scrub.js';

/** A coded GraphQL error for a failed lookup: `extensions.code`, `provider` and `retryable`. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof PaymentLookupError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        ...(error.provider ? { provider: error.provider } : {}),
        retryable: error.retryable,
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      },
    });
  }
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError('Internal server error', {
    originalError: original,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: false },
  });
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, retryable: false } });
}

/**
 * Apollo's `formatError`. A request error that graphql-js or Apollo raise without a code (a mutation
 * sent to a query-only schema, a persisted-query hash that does not match) is the client's mistake:
 * BAD_REQUEST, logged at info. Errors thrown by our code are bugs: logged with their stack and
 * replaced by a generic message (their text may hold anything). Every message and extension that
 * leaves is scrubbed, because GraphQL errors echo the caller's literals, which may be a card number
 * typed into the wrong field.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = formatted.extensions?.['code'];
    const original = unwrapResolverError(error);
    // Apollo labels every uncoded error INTERNAL_SERVER_ERROR before this runs: a bare GraphQLError
    // (no exception inside it) is still graphql-js or Apollo refusing the request.
    if ((code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && isGraphQLError(original) && !original.originalError) {
      code = ErrorCode.BAD_REQUEST;
      formatted = { ...formatted, extensions: { ...formatted.extensions, code, retryable: false } };
    }
    if (isClientErrorCode(code)) logger.info({ code, path: formatted.path, message: formatted.message }, 'client error');
    if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
      const cause = isGraphQLError(original) && original.originalError ? original.originalError : original;
      logger.error({ err: cause, path: formatted.path }, 'unexpected error while resolving');
      return {
        message: 'Internal server error',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: false },
      };
    }
    // Extensions too: a path or a value echoed from the request may carry a card number.
    return { ...formatted, message: scrubText(formatted.message), ...(formatted.extensions ? { extensions: scrubDeep(formatted.extensions) as Record<string, unknown> } : {}) };
  };
}

/**
 * graphql's own `instanceof` would miss a GraphQLError from the other module realm (@apollo/subgraph
 * loads graphql's CommonJS build, this module its ESM build): the tag is the same in both.
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}

/** Codes that say the request was wrong (logged at info), as opposed to a provider's trouble or a bug. */
const CLIENT_ERROR_CODES: ReadonlySet<unknown> = new Set([
  ErrorCode.BAD_REQUEST,
  ErrorCode.BAD_USER_INPUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function isClientErrorCode(code: unknown): boolean {
  return CLIENT_ERROR_CODES.has(code);
}
