import type { Payment } from '../../model/payment.js';
import { badUserInput } from '../errors.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { loadPayment } from '../load-payment.js';

export const Query: QueryResolvers = {
  payment: (_parent, { id, provider }, context) => loadPayment(context, { id, provider }),

  payments(_parent, { refs }, context) {
    if (refs.length > context.maxRefs) {
      throw badUserInput(`payments accepts at most ${String(context.maxRefs)} refs; got ${String(refs.length)}`);
    }
    return eachItemSettlesAlone(refs.map(({ id, provider }) => loadPayment(context, { id, provider })));
  },
};

/**
 * graphql-js completes a list item by item: an item that is a rejected promise becomes `null` at
 * its own index with its error at that path, while the other items still resolve. The generated
 * resolver type only knows settled values, hence this one, documented, widening.
 */
function eachItemSettlesAlone(items: Array<Promise<Payment>>): Payment[] {
  return items as unknown as Payment[];
}
