import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/errors.js';
import { buildPaymentsSchema } from '../graphql/schema.js';
import { createPaymentLoaders, type DispatchedBatch } from '../loading/payment-loaders.js';
import { DEFAULT_REQUEST_DEADLINE_MS, RequestScope } from '../request/request-scope.js';
import { DEFAULT_REQUEST_LIMITS, limitRules, requestKeysLimitPlugin, type RequestLimits } from '../graphql/limits.js';
import type { ProviderRegistry } from '../loading/provider-registry.js';
import type { Secret } from '../security/secret.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { UNTRACED, type Span, type Tracer } from '../request/tracing.js';
import { bearerToken } from './bearer-token.js';
import { callerTrace } from './caller-trace.js';
import { CallerVerifier, type InboundAuth } from './caller-verifier.js';
import { metricsPlugin } from './metrics-plugin.js';
import { EDITOR_ASSET_PREFIX, graphiqlLandingPage, loadEditorAssets } from './graphiql.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.js';
import { Lifecycle } from './lifecycle.js';
import { cacheControlPlugin } from './cache-control-plugin.js';
import { GRAPHQL_PATH, registerGraphQLRoute } from './graphql-route.js';
import { ResponseCacheHint } from '../graphql/cache-hint.js';
import { serveSubscriptions, subscriptionsOnlyOverWebSocket } from './subscriptions.js';
import { registerWebhookRoutes } from './webhooks.js';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../live/poll-policy.js';

export interface AppOptions {
  readonly registry: ProviderRegistry;
  readonly logger: Logger;
  /** Most refs in `payments`, and most representations in one `_entities` request. */
  readonly maxRefs: number;
  /** Every provider call of a request ends by then (default DEFAULT_REQUEST_DEADLINE_MS). */
  readonly requestDeadlineMs?: number;
  /** Query depth and alias limits (default DEFAULT_REQUEST_LIMITS). */
  readonly limits?: RequestLimits;
  readonly production: boolean;
  /** Observes every loader batch (debug logs always; tests count them). */
  readonly onBatch?: (batch: DispatchedBatch) => void;
  /** More Apollo plugins (metrics, request accounting). */
  readonly plugins?: readonly ApolloServerPlugin<GraphQLContext>[];
  /** How long clients may take to send a request (default DEFAULT_HTTP_LIMITS). */
  readonly httpLimits?: HttpLimits;
  /** Shows `/ready`'s provider details in production to a caller presenting it as a bearer token. */
  readonly adminToken?: Secret;
  /** How callers are verified (gateway secret, forwarded JWT); none: anonymous in production, trusted otherwise. */
  readonly inboundAuth?: InboundAuth;
  /** Served on `GET /metrics` and fed by the GraphQL pipeline and the loaders. */
  readonly metrics?: ServiceMetrics;
  /** Spans of each GraphQL request, its loader batches and its provider calls (default `UNTRACED`: ids only). */
  readonly tracer?: Tracer;
  /** How a subscription reads its payment between webhooks (default DEFAULT_POLL_POLICY). */
  readonly pollPolicy?: PollPolicy;
  /** Most subscriptions one WebSocket connection may hold (default DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION). */
  readonly maxSubscriptionsPerConnection?: number;
  /** Opt-in max-age for responses made only of final payments (default 0: every response is no-store). */
  readonly finalPaymentMaxAgeSeconds?: number;
}

export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

export interface App {
  readonly http: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>;
  readonly lifecycle: Lifecycle;
  /** Stops Apollo (which drains and closes the HTTP server), then the provider pools, then sends the last spans. */
  close(): Promise<void>;
}

/** The HTTP server: `POST /graphql` (Apollo on Fastify), `GET /health`, `GET /ready`, `GET /metrics`, and the editor outside production. */
export async function createApp(options: AppOptions): Promise<App> {
  const { registry, logger } = options;
  const limits = options.limits ?? DEFAULT_REQUEST_LIMITS;
  const requestDeadlineMs = options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const lifecycle = new Lifecycle();
  const httpLimits = options.httpLimits ?? DEFAULT_HTTP_LIMITS;
  const tracer = options.tracer ?? UNTRACED;
  const http = Fastify({
    loggerInstance: logger,
    // The gateway's request id when it sends a sane one, so its logs, ours and the providers' join up.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestTimeout: httpLimits.requestTimeoutMs,
    // Node checks these limits every connectionsCheckingInterval (30 s by default): often enough to honour them.
    http: { headersTimeout: httpLimits.headersTimeoutMs, connectionsCheckingInterval: Math.min(1_000, httpLimits.headersTimeoutMs) },
    // Per-request access lines cost throughput; failures are logged where they happen instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // New requests during shutdown get a 503 so the load balancer retries elsewhere.
    return503OnClosing: true,
  });

  const schema = buildPaymentsSchema();
  const formatError = createFormatError(logger);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Apollo's own messages ("Enabling inline tracing…") as JSON log lines, through the same filter.
    logger,
    formatError,
    // Every rule is linear in the document, and the token limit bounds the document before they run.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    introspection: !options.production,
    // No "Did you mean …?" in production: the schema is not advertised to whoever reaches the port.
    hideSchemaDetailsFromClientErrors: options.production,
    // main.ts owns SIGTERM/SIGINT: readiness first, then drain, then pools. Apollo's own handler
    // would race it (and re-raise the signal).
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(http),
      // Its per-field hooks cost throughput; cacheControlPlugin decides Cache-Control per response instead.
      ApolloServerPluginCacheControlDisabled(),
      requestKeysLimitPlugin<GraphQLContext>(options.maxRefs),
      // Off (the default), every response is no-store from the onSend hook: no per-request hook at all.
      ...(options.finalPaymentMaxAgeSeconds ? [cacheControlPlugin(options.finalPaymentMaxAgeSeconds)] : []),
      subscriptionsOnlyOverWebSocket(),
      ...(options.metrics ? [metricsPlugin<GraphQLContext>(options.metrics)] : []),
      // With tracing off the operation's span records nothing: no hooks to name or end it.
      ...(tracer.recording ? [operationSpanPlugin()] : []),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : graphiqlLandingPage(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  // Payments are personal and live: no cache may keep a response (unless the GraphQL response was
  // found cacheable, see cacheControlPlugin), and no browser may sniff one as HTML.
  http.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff').header('x-request-id', request.id);
    done(null, payload);
  });

  http.get('/health', () => ({ status: 'ok' }));
  http.get('/ready', (request, reply) => {
    // In production a service with no provider configured serves nothing useful: not ready.
    const ready = lifecycle.ready && (!options.production || registry.servesAnyProvider);
    // Circuits, queues and targets are internals: outside production, or to the operator's token.
    const detailed = !options.production || options.adminToken?.matches(bearerToken(request.headers.authorization)) === true;
    // Shared state is not readiness: a replica whose Redis is away still answers, alone, and says so here.
    const sharedState = registry.coordination.health();
    return reply.code(ready ? 200 : 503).send(detailed ? { ready, sharedState, providers: registry.describe() } : { ready, sharedState });
  });

  if (!options.production) {
    // The development editor's own files (GET /graphql's page loads them): no CDN, works offline.
    const assets = loadEditorAssets();
    http.get<{ Params: { name: string } }>(`${EDITOR_ASSET_PREFIX}:name`, (request, reply) => {
      const asset = assets.get(request.params.name);
      if (!asset) return reply.code(404).send({ error: 'no such editor asset' });
      return reply.header('content-type', asset.contentType).send(asset.body);
    });
  }

  const { metrics } = options;
  if (metrics) {
    // Internals, like /ready's details: in production, only to the operator's token (Prometheus `authorization` with the token).
    http.get('/metrics', async (request, reply) => {
      if (options.production && options.adminToken?.matches(bearerToken(request.headers.authorization)) !== true) {
        return reply.code(403).send({ error: 'metrics need the admin token in production' });
      }
      return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }

  const onBatch = (batch: DispatchedBatch) => {
    logger.debug({ loader: batch.loader, size: batch.keys.length }, 'loader batch dispatched');
    metrics?.loaderBatchSize.observe({ loader: batch.loader }, batch.keys.length);
    options.onBatch?.(batch);
  };

  const requestSpans = tracer.recording ? traceGraphQLRequests(http, tracer) : undefined;

  const callers = new CallerVerifier(options.inboundAuth, options.production);
  if (options.production && !callers.configured) {
    logger.warn('no inbound auth configured (GATEWAY_SHARED_SECRET, GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL): personal-data fields are withheld from every caller, and _service is refused');
  }

  registerGraphQLRoute(http, apollo, async (request, reply) => {
    // Before anything else: a request that fails inbound auth is refused whole (401), no provider called.
    const caller = await callers.verify(request.headers);
    // With tracing off the request still gets its own span id, continuing the gateway's trace.
    const requestSpan = requestSpans?.get(request.raw) ?? tracer.start(GRAPHQL_SPAN_NAME, 'server', callerTrace(request.headers));
    const operationSpan = tracer.start('GraphQL Operation', 'internal', requestSpan.context);
    const trace = operationSpan.context;
    const scope = new RequestScope({ deadline: Date.now() + requestDeadlineMs, requestId: request.id, trace, tracer });
    // Provider calls for a client that went away before its answer are cancelled rather than
    // left running. ('close' also fires after every finished response: that is no cancellation.)
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) scope.cancel();
    });
    return {
      caller,
      loaders: createPaymentLoaders(registry, { onBatch, scope }),
      maxRefs: options.maxRefs,
      operationSpan,
      cacheHint: new ResponseCacheHint(),
      // Every line this request logs carries its request, trace and span ids.
      logger: logger.child({ reqId: request.id, traceId: trace.traceId, spanId: trace.spanId }),
    };
  });

  const { updates } = registry.coordination;
  await registerWebhookRoutes(http, { registry, logger, requestDeadlineMs, tracer, onBatch, ...(metrics ? { metrics } : {}) });

  const subscriptions = serveSubscriptions({
    server: http.server,
    schema,
    callers,
    registry,
    updates,
    policy: options.pollPolicy ?? DEFAULT_POLL_POLICY,
    limits,
    requestDeadlineMs,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxRefs: options.maxRefs,
    logger,
    tracer,
    formatError,
    onBatch,
    ...(metrics ? { metrics } : {}),
  });

  return {
    http,
    lifecycle,
    async close() {
      lifecycle.markDraining();
      // Subscribers are told the server is going (close 1001) and reconnect to another replica.
      await subscriptions.close();
      // A keep-alive socket busy when shutdown begins would otherwise stay open, idle, for the whole
      // keep-alive timeout after its last response and hold the exit: close it as soon as it idles.
      http.server.keepAliveTimeout = 1;
      await apollo.stop();
      await registry.close();
      await registry.coordination.close();
      await tracer.shutdown();
    },
  };
}

/** A request id a log line or a provider may carry: short, and nothing to interpret. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const GRAPHQL_SPAN_NAME = `POST ${GRAPHQL_PATH}`;

/**
 * A server span per request to the GraphQL route, from its first byte to its last (semantic
 * conventions for HTTP server spans: https://opentelemetry.io/docs/specs/semconv/http/http-spans/#http-server).
 * Probes and metrics scrapes are not traced: they would bury the requests. Only registered when
 * tracing is on, so that the hooks cost nothing otherwise.
 */
function traceGraphQLRequests(http: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, tracer: Tracer): WeakMap<IncomingMessage, Span> {
  const spans = new WeakMap<IncomingMessage, Span>();
  http.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.url === GRAPHQL_PATH) {
      spans.set(
        request.raw,
        tracer.start(`${request.method} ${GRAPHQL_PATH}`, 'server', callerTrace(request.headers), {
          'http.request.method': request.method,
          'http.route': GRAPHQL_PATH,
          'url.path': GRAPHQL_PATH,
          'url.scheme': request.protocol,
        }),
      );
    }
    done();
  });
  const end = (raw: IncomingMessage, status: number | undefined) => {
    const span = spans.get(raw);
    if (!span) return;
    spans.delete(raw);
    if (status === undefined) span.fail('REQUEST_CANCELLED');
    else {
      span.setAttributes({ 'http.response.status_code': status });
      // A server span fails on 5xx only: a 4xx is the client's doing (the conventions' rule).
      if (status >= 500) span.fail(String(status));
    }
    span.end();
  };
  http.addHook('onResponse', (request, reply, done) => {
    end(request.raw, reply.statusCode);
    done();
  });
  http.addHook('onRequestAbort', (request, done) => {
    end(request.raw, undefined);
    done();
  });
  return spans;
}

/**
 * Names the operation's span once the operation is known (`query CheckoutPayment`, the GraphQL
 * conventions: https://opentelemetry.io/docs/specs/semconv/graphql/graphql-spans/) and ends it with
 * the response. The document itself is never an attribute: its literals can hold anything a caller typed.
 */
function operationSpanPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ contextValue, operation, operationName }) {
          if (!operation) return Promise.resolve();
          const type = operation.operation;
          contextValue.operationSpan.updateName(operationName ? `${type} ${operationName}` : type);
          contextValue.operationSpan.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': operationName ?? undefined });
          return Promise.resolve();
        },
        willSendResponse({ contextValue, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = result?.errors ?? [];
          if (errors.length > 0) {
            contextValue.operationSpan.setAttributes({ 'payments.graphql.errors': errors.length });
            // No data at all: the operation failed; partial data is a success with errors in it.
            const code = errors[0]?.extensions?.['code'];
            if (!result?.data) contextValue.operationSpan.fail(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
          contextValue.operationSpan.end();
          return Promise.resolve();
        },
      });
    },
  };
}
