import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateTimeScalar, Int64Scalar } from '../scalars.js';
import { Money, Payment, Transaction } from './payment.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Int64: Int64Scalar,
  Query,
  Subscription,
  Payment,
  Money,
  Transaction,
};
