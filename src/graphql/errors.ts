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
 * Apollo's `formatError`: unexpected errors are logged and replaced by a generic message (their
 * text may hold anything); every other message is scrubbed, because GraphQL validation errors echo
 * the caller's literals, which may be a card number typed into the wrong field.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
      const original = unwrapResolverError(error);
      const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
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
