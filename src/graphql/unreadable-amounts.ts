import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import type { Money } from '../model/money.js';
import { PROVIDER_DISPLAY_NAMES, type Provider } from '../model/provider.js';
import type { UnreadableField } from '../model/readable-amounts.js';
import type { GraphQLContext } from './context.js';

/** Where an amount sits, for its error and its log line. */
export interface AmountPlace {
  readonly provider?: Provider;
  readonly field: string;
}

/**
 * An amount field as GraphQL returns it: the amount, null when the provider sent none, or — when the
 * provider sent one that cannot be represented — null with a coded error at the field's own path and
 * the reason in the logs, so a frontend sees the failure without losing the rest of the payment.
 */
export function readableAmount(
  amount: Money | undefined,
  unreadable: UnreadableField | undefined,
  place: AmountPlace,
  context: GraphQLContext,
): Money | null {
  if (amount) return amount;
  if (!unreadable) return null;
  context.logger.info({ provider: place.provider, field: place.field, reason: unreadable.problem, detail: unreadable.reason }, 'amount not representable');
  throw amountError(unreadable.problem, `${place.provider ? PROVIDER_DISPLAY_NAMES[place.provider] : 'The provider'} sent a ${place.field} this service cannot represent exactly: ${unreadable.reason}`, place.provider);
}

export function amountError(reason: string, message: string, provider?: Provider): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.AMOUNT_NOT_REPRESENTABLE, ...(provider ? { provider } : {}), retryable: false, reason },
  });
}
