import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors/codes.js';
import type { Payment } from '../../model/payment.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';

export const Subscription: SubscriptionResolvers = {
  paymentUpdated: {
    subscribe(_parent, { id, provider }, context) {
      if (!context.watch) {
        throw new GraphQLError('Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql', {
          extensions: { code: ErrorCode.BAD_REQUEST, retryable: false },
        });
      }
      return context.watch({ id, provider });
    },
    // The watch's last event may be the coded error that ended it: thrown here, it reaches the
    // subscriber as that error, in a result of its own, before the subscription completes.
    resolve(event: Payment | GraphQLError) {
      if (event instanceof GraphQLError) throw event;
      return event;
    },
  },
};
