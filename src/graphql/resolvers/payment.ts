import { refundState } from '../../model/amounts.js';
import { toDecimalString } from '../../model/money.js';
import { PROVIDERS } from '../../model/provider.js';
import { isFinalStatus, isOneOf } from '../../model/status.js';
import { badUserInput } from '../errors.js';
import type { MoneyResolvers, PaymentResolvers } from '../__generated__/resolvers-types.js';
import { loadPayment, loadTransactions } from '../load-payment.js';

export const Payment: PaymentResolvers = {
  /**
   * Entities from the gateway go through the same per-request loader as the root fields. Async, so
   * that a bad reference rejects its own entity rather than throwing out of the whole `_entities`.
   */
  async __resolveReference(reference, context) {
    const { id, provider } = reference;
    if (typeof id !== 'string' || typeof provider !== 'string' || !isOneOf(PROVIDERS, provider)) {
      throw badUserInput('A Payment reference needs an id and one of the Provider values');
    }
    return loadPayment(context, { id, provider });
  },
  isFinal: (payment) => isFinalStatus(payment.status),
  /** A reference the gateway resolves in the orders subgraph: only the id is known here. */
  order: (payment) => (payment.orderId ? { id: payment.orderId } : null),
  refundState: (payment) => refundState(payment.capturedAmount, payment.refundedAmount) ?? null,
  transactions: (payment, _args, context) =>
    context.registry.get(payment.provider)?.adapter.fetchTransactions
      ? loadTransactions(context, payment)
      : (payment.transactions ?? null),
};

export const Money: MoneyResolvers = {
  decimal: (money) => toDecimalString(money),
};
