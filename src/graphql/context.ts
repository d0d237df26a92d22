import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { ResponseCacheHint } from './cache-hint.js';
import type { Caller } from './caller.js';
import type { PaymentLoaders } from '../loading/payment-loaders.js';
import type { Payment } from '../model/payment.js';
import type { PaymentKey } from '../model/provider.js';
import type { Span } from '../request/tracing.js';

/** What every resolver gets for one GraphQL request. Built fresh per request. */
export interface GraphQLContext {
  /** Who is asking, as far as it was verified: the schema's auth directives are enforced from this. */
  readonly caller: Caller;
  readonly loaders: PaymentLoaders;
  readonly maxRefs: number;
  /** The operation's span: named when the operation is known, ended with the response. */
  readonly operationSpan: Span;
  /** Carries the request's `reqId`, `traceId` and `spanId` on every line. */
  readonly logger: Logger;
  /** What the response may tell a gateway's cache: fed by every payment loaded and protected field resolved. */
  readonly cacheHint: ResponseCacheHint;
  /**
   * Subscriptions only (graphql-ws): the payment's states until it is final, or the coded error that
   * ended the watch, as the last event. Absent on HTTP requests, which never subscribe.
   */
  readonly watch?: (key: PaymentKey) => AsyncIterable<Payment | GraphQLError>;
}
