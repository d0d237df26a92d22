import type { ApolloServerPlugin } from '@apollo/server';
import type { Server } from 'node:http';
import { getOperationAST, GraphQLError, OperationTypeNode, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { ErrorCode } from '../errors/codes.js';
import type { Caller } from '../graphql/caller.js';
import type { GraphQLContext } from '../graphql/context.js';
import { ResponseCacheHint } from '../graphql/cache-hint.js';
import { toGraphQLError } from '../graphql/errors.js';
import { limitRules, type RequestLimits } from '../graphql/limits.js';
import { watchPayment } from '../live/watch-payment.js';
import type { PaymentUpdates } from '../coordination/payment-updates.js';
import type { PollPolicy } from '../live/poll-policy.js';
import { createPaymentLoaders, type DispatchedBatch } from '../loading/payment-loaders.js';
import type { ProviderRegistry } from '../loading/provider-registry.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { Payment } from '../model/payment.js';
import type { PaymentKey } from '../model/provider.js';
import { RequestScope } from '../request/request-scope.js';
import type { TraceContext } from '../request/trace-context.js';
import type { Tracer } from '../request/tracing.js';
import { callerTrace } from './caller-trace.js';
import type { CallerVerifier } from './caller-verifier.js';

export interface SubscriptionServerOptions {
  readonly server: Server;
  readonly schema: GraphQLSchema;
  readonly callers: CallerVerifier;
  readonly registry: ProviderRegistry;
  readonly updates: PaymentUpdates;
  readonly policy: PollPolicy;
  readonly limits: RequestLimits;
  /** Each live read of a watch ends by then, as one HTTP request's reads do. */
  readonly requestDeadlineMs: number;
  /** Most subscriptions one connection may hold at once: a gateway multiplexes, a browser needs a few. */
  readonly maxSubscriptionsPerConnection: number;
  readonly maxRefs: number;
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly onBatch: (batch: DispatchedBatch) => void;
  readonly metrics?: ServiceMetrics;
}

/** What each connection keeps once its caller verified: who it is, and a way to stop each of its watches at once. */
interface ConnectionState extends Record<PropertyKey, unknown> {
  session?: { readonly caller: Caller; readonly watches: Map<string, AbortController> };
}

/**
 * Subscriptions over graphql-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) on
 * the GraphQL route's own port and path: what Hive Gateway and Apollo Router speak to a subgraph.
 * Every connection passes the same inbound auth as a POST (headers of the upgrade request, or of
 * `connection_init`'s payload where a gateway puts them); a connection that fails it is closed
 * with 4403 before any provider is called. Each operation passes the same document limits, and only
 * subscriptions are served here: queries keep their one path, POST /graphql.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { schema, logger } = options;
  const rules = [...specifiedRules, ...limitRules(options.limits)];
  const sockets = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: 64 * 1024 });
  const format = (error: GraphQLError) => options.formatError(error.toJSON(), error);

  const disposable = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      schema,
      connectionInitWaitTimeout: 5_000,
      async onConnect(ctx) {
        try {
          const caller = await options.callers.verify(connectionHeaders(ctx.extra.request.headers, ctx.connectionParams));
          ctx.extra.session = { caller, watches: new Map() };
          return true;
        } catch {
          logger.info('subscription connection refused: inbound auth failed');
          return false;
        }
      },
      onSubscribe(ctx, id, payload) {
        if (!ctx.extra.session) return [refusal(ErrorCode.UNAUTHENTICATED, 'the connection is not initialised')];
        const { caller, watches } = ctx.extra.session;
        if (watches.size >= options.maxSubscriptionsPerConnection) {
          return [refusal(ErrorCode.BAD_USER_INPUT, `at most ${String(options.maxSubscriptionsPerConnection)} subscriptions per connection`)];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.limits.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : refusal(ErrorCode.BAD_REQUEST, 'the document does not parse')];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [refusal(ErrorCode.BAD_REQUEST, 'only subscriptions are served over WebSocket; send queries and entity requests to POST /graphql')];
        }
        const controller = new AbortController();
        watches.set(id, controller);
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: subscriptionContext(options, caller, id, callerTrace(ctx.extra.request.headers), controller.signal),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : result),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      onComplete(ctx, id) {
        ctx.extra.session?.watches.get(id)?.abort();
        ctx.extra.session?.watches.delete(id);
      },
      onClose(ctx) {
        for (const controller of ctx.extra.session?.watches.values() ?? []) controller.abort();
        ctx.extra.session?.watches.clear();
      },
    },
    sockets,
  );

  return {
    async close() {
      await disposable.dispose();
    },
  };
}

/**
 * The upgrade request's headers, with what a gateway put in `connection_init` filling the gaps
 * (Hive Gateway and Apollo Router forward a subscription's headers there: a browser's WebSocket
 * cannot set headers at all). Only string values, under lower-case names, as HTTP headers are.
 */
function connectionHeaders(upgrade: Record<string, string | string[] | undefined>, params: Record<string, unknown> | undefined) {
  const headers: Record<string, string | string[] | undefined> = {};
  const nested = params?.['headers'];
  for (const source of [params, typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : undefined]) {
    for (const [name, value] of Object.entries(source ?? {})) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return { ...headers, ...upgrade };
}

/**
 * One subscription's context. Each state it sends is resolved with loaders of its own (a fresh
 * request scope), so a field loaded lazily (Gr4vy's refunds) is read for that state, never served
 * from an earlier state's cache.
 */
function subscriptionContext(options: SubscriptionServerOptions, caller: Caller, id: string, parent: TraceContext | undefined, signal: AbortSignal): GraphQLContext {
  const operationSpan = options.tracer.start('subscription paymentUpdated', 'server', parent);
  const trace = operationSpan.context;
  const requestId = `ws-${trace.traceId.slice(0, 16)}-${id}`;
  const logger = options.logger.child({ reqId: requestId, traceId: trace.traceId, spanId: trace.spanId });
  // A scope per read and per state sent, each cancelled when the subscriber leaves and let go of
  // when done: a watch that lives for hours must not pile up listeners on its signal.
  const openScope = () => {
    const scope = new RequestScope({ deadline: Date.now() + options.requestDeadlineMs, requestId, trace, tracer: options.tracer });
    const cancel = () => {
      scope.cancel();
    };
    signal.addEventListener('abort', cancel, { once: true });
    const release = () => {
      signal.removeEventListener('abort', cancel);
    };
    return { loaders: createPaymentLoaders(options.registry, { onBatch: options.onBatch, scope }), release };
  };
  const read = async (key: PaymentKey) => {
    const { loaders, release } = openScope();
    try {
      return await loaders.payment.load(key);
    } finally {
      release();
    }
  };
  let sending = openScope();

  async function* watch(key: PaymentKey): AsyncGenerator<Payment | GraphQLError> {
    options.metrics?.activeSubscriptions.inc();
    try {
      for await (const payment of watchPayment(key, { read, updates: options.updates, policy: options.policy, signal })) {
        sending.release();
        sending = openScope();
        sending.loaders.payment.prime(key, payment);
        yield payment;
      }
    } catch (error) {
      const coded = toGraphQLError(error);
      logger.info({ provider: key.provider, paymentId: key.id, code: coded.extensions['code'] }, 'subscription ended by a failed read');
      yield coded;
    } finally {
      sending.release();
      options.metrics?.activeSubscriptions.dec();
      operationSpan.end();
    }
  }

  return {
    caller,
    get loaders() {
      return sending.loaders;
    },
    maxRefs: options.maxRefs,
    operationSpan,
    logger,
    // Subscription events are never cached; the hint is kept only because resolvers feed it.
    cacheHint: new ResponseCacheHint(),
    watch,
  };
}

/**
 * Apollo Server would run a subscription sent as a POST like a query, with no event to resolve: it
 * is refused before execution instead, pointing to where subscriptions are served.
 */
export function subscriptionsOnlyOverWebSocket(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            const error = refusal(ErrorCode.BAD_REQUEST, 'subscriptions are served over WebSocket (graphql-transport-ws) at /graphql, not over POST');
            error.extensions['http'] = { status: 400 };
            throw error;
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, retryable: false } });
}
