import { ErrorCode } from '../errors/codes.js';
import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { Payment } from '../model/payment.js';
import type { PaymentKey } from '../model/provider.js';
import type { GraphQLContext } from './context.js';
import { toGraphQLError } from './errors.js';

/**
 * The one way resolvers read a payment: through the request's loader, with failures logged and
 * turned into coded GraphQL errors at the caller's path.
 */
export async function loadPayment(context: GraphQLContext, key: PaymentKey): Promise<Payment> {
  let payment: Payment;
  try {
    payment = await context.loaders.payment.load(key);
  } catch (error) {
    logFailure(context, key, error);
    throw toGraphQLError(error);
  }
  context.cacheHint.sawPayment(payment);
  if (payment.droppedFields) {
    context.logger.info(
      { provider: key.provider, paymentId: key.id, fields: payment.droppedFields },
      'provider body fields left out: not the documented shape',
    );
  }
  return payment;
}

export async function loadTransactions(context: GraphQLContext, payment: Payment) {
  try {
    return await context.loaders.transactions.load(payment);
  } catch (error) {
    logFailure(context, payment, error);
    throw toGraphQLError(error);
  }
}

function logFailure(context: GraphQLContext, key: PaymentKey, error: unknown): void {
  if (error instanceof PaymentLookupError && error.code !== ErrorCode.REQUEST_CANCELLED) {
    const level = error.retryable ? 'warn' : 'info';
    context.logger[level](
      // The message says why (e.g. a body for another payment); it never carries provider bodies.
      { provider: key.provider, paymentId: key.id, code: error.code, upstreamStatus: error.upstreamStatus, reason: error.message },
      'payment lookup failed',
    );
  }
}
