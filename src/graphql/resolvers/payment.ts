import { toDecimalString } from '../../model/money.js';
import { paymentOutcome } from '../../model/outcome.js';
import type { Payment as PaymentModel, PaymentAmountField } from '../../model/payment.js';
import { PROVIDERS } from '../../model/provider.js';
import { isOneOf } from '../../model/status.js';
import type { GraphQLContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { MoneyResolvers, PaymentResolvers, TransactionResolvers } from '../__generated__/resolvers-types.js';
import { loadPayment, loadTransactions } from '../load-payment.js';
import { amountError, readableAmount } from '../unreadable-amounts.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function amountOf(field: PaymentAmountField) {
  return (payment: PaymentModel, _args: unknown, context: GraphQLContext) =>
    readableAmount(payment[field], payment.unreadable?.[field], { provider: payment.provider, field }, context);
}

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
  outcome: (payment) => paymentOutcome(payment),
  amount: amountOf('amount'),
  authorizedAmount: amountOf('authorizedAmount'),
  capturedAmount: amountOf('capturedAmount'),
  refundedAmount: amountOf('refundedAmount'),
  merchantFee: amountOf('merchantFee'),
  /** A reference the gateway resolves in the orders subgraph: only the id is known here. */
  order: (payment) => (payment.orderId ? { id: payment.orderId } : null),
  transactions: (payment, _args, context) => (payment.transactionsElsewhere ? loadTransactions(context, payment) : (payment.transactions ?? null)),
};

export const Transaction: TransactionResolvers = {
  amount: (transaction, _args, context) => readableAmount(transaction.amount, transaction.unreadable?.amount, { field: 'transaction amount' }, context),
};

export const Money: MoneyResolvers = {
  /** Exact for any amount; only the Int64 form has a limit, said at its own path. */
  minorUnits: (money) => {
    if (money.minorUnits < INT64_MIN || money.minorUnits > INT64_MAX) {
      throw amountError('OUT_OF_INT64_RANGE', `${money.currency} ${toDecimalString(money)} has more minor units than an Int64 holds; read it from decimal`);
    }
    return money.minorUnits;
  },
  decimal: (money) => toDecimalString(money),
};
