import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { AppConfig, SharedStateSettings } from '../config/app-config.js';
import type { Coordination } from '../coordination/coordination.js';
import { InMemoryCoordination } from '../coordination/in-memory-coordination.js';
import { WEBHOOK_TOLERANCE_MS } from '../server/webhooks.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { DispatchedBatch } from '../loading/payment-loaders.js';
import { ProviderRegistry } from '../loading/provider-registry.js';
import { createLogger } from '../log/logger.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { createApp, type App } from '../server/app.js';
import { UNTRACED, type Tracer } from '../request/tracing.js';
import type { TracingSettings } from '../telemetry/tracing-settings.js';

/** What a caller may add to the service it builds: tests and benches observe, never change behaviour. */
export interface ServiceHooks {
  /** Default: a JSON logger on stdout at the configured level. */
  readonly logger?: Logger;
  /** Told of every loader batch (tests count them). */
  readonly onBatch?: (batch: DispatchedBatch) => void;
  /** More Apollo plugins (request accounting in tests and benches). */
  readonly plugins?: readonly ApolloServerPlugin<GraphQLContext>[];
}

export interface Service {
  readonly logger: Logger;
  readonly registry: ProviderRegistry;
  readonly app: App;
}

/**
 * The composition root: configuration → providers (live or simulated, each behind its resilience
 * chain) → the HTTP server. The one place they are wired, used by `main.ts`, the test harness, the
 * bench and `npm run supergraph`, so what is tested is what runs.
 */
export async function buildService(config: AppConfig, hooks: ServiceHooks = {}): Promise<Service> {
  const logger = hooks.logger ?? createLogger(config.logLevel);
  // Gauges read the registry when scraped, by which time it exists (the closure runs only then).
  const metrics = new ServiceMetrics(() =>
    Object.entries(registry.describe()).flatMap(([provider, status]) =>
      status.mode === 'not_configured' ? [] : [{ provider, circuit: status.circuit ?? 'closed', inFlight: status.inFlight ?? 0, queued: status.queued ?? 0 }],
    ),
  );
  const coordination = await createCoordination(config.sharedState, logger, metrics);
  const registry = await ProviderRegistry.create({
    coordination,
    live: config.liveProviders,
    simulateUnconfigured: config.simulateUnconfigured,
    simulatorKnobs: config.simulatorKnobs,
    webhookSecrets: config.webhookSecrets,
    maxCallsPerSecond: config.maxCallsPerSecond,
    calls: config.calls,
    callOverrides: config.callOverrides,
    maxConcurrencyPerProvider: config.maxConcurrencyPerProvider,
    maxQueuedPerProvider: config.maxQueuedPerProvider,
    retryPolicy: config.retryPolicy,
    circuitBreaker: config.circuitBreaker,
    logger,
    metrics,
  });
  const app = await createApp({
    registry,
    logger,
    maxRefs: config.maxRefs,
    requestDeadlineMs: config.requestDeadlineMs,
    limits: config.limits,
    production: config.environment === 'production',
    httpLimits: config.httpLimits,
    ...(config.adminToken ? { adminToken: config.adminToken } : {}),
    ...(config.inboundAuth ? { inboundAuth: config.inboundAuth } : {}),
    metrics,
    tracer: config.tracing ? await otelTracer(config.tracing) : UNTRACED,
    pollPolicy: config.pollPolicy,
    finalPaymentMaxAgeSeconds: config.finalPaymentMaxAgeSeconds,
    ...(hooks.onBatch ? { onBatch: hooks.onBatch } : {}),
    ...(hooks.plugins ? { plugins: hooks.plugins } : {}),
  });
  return { logger, registry, app };
}

/** Redis when REDIS_URL is set (any number of replicas), else this process (the embedded default: one). */
async function createCoordination(settings: SharedStateSettings, logger: Logger, metrics: ServiceMetrics): Promise<Coordination> {
  const common = { finalPaymentTtlMs: settings.finalPaymentCacheSeconds * 1000, deliveryWindowMs: 2 * WEBHOOK_TOLERANCE_MS };
  if (!settings.redis) {
    metrics.sharedStateConnected.set(1);
    return new InMemoryCoordination(common);
  }
  // Loaded only with REDIS_URL: the embedded default neither loads the client nor opens a socket.
  const { RedisCoordination } = await import('../coordination/redis-coordination.js');
  return RedisCoordination.connect({ ...common, ...settings.redis, replicas: settings.replicas, logger, metrics });
}

/** The OpenTelemetry SDK is loaded only when tracing is on: off, it costs neither start-up nor memory. */
async function otelTracer(settings: TracingSettings): Promise<Tracer> {
  const { createOtelTracer } = await import('../telemetry/otel-tracer.js');
  return createOtelTracer(settings);
}
