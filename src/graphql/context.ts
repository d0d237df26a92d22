import type { Logger } from 'pino';
import type { PaymentLoaders } from '../loading/payment-loaders.js';

/** What every resolver gets for one GraphQL request. Built fresh per request. */
export interface GraphQLContext {
  readonly loaders: PaymentLoaders;
  readonly maxRefs: number;
  readonly logger: Logger;
  /** Fastify's request id, for correlating log lines. */
  readonly requestId: string;
}
