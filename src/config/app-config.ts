import { z } from 'zod';
import { DEFAULT_MAX_REFS, DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../graphql/limits.js';
import { PROVIDERS, type Provider } from '../model/provider.js';
import { DEFAULT_REQUEST_DEADLINE_MS } from '../request/request-scope.js';
import { DEFAULT_BULKHEAD } from '../resilience/bulkhead.js';
import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerSettings } from '../resilience/circuit-breaker.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../resilience/retry-policy.js';
import type { CallSettings } from '../providers/call-settings.js';
import { DEFAULT_CALL_SETTINGS } from '../providers/call-settings.js';
import type { ProviderModule, ProviderSetup } from '../providers/module.js';
import { DEFAULT_JOURNEY_MS, type SimulatorKnobs } from '../simulation/simulator-base.js';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../live/poll-policy.js';
import { PROVIDER_MODULES } from '../providers/modules.js';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet } from 'jose';
import { ConfigError, decimalInt, httpUrl, parseEnv, positiveInt, type Env } from '../env/env-helpers.js';
import type { InboundAuth } from '../server/caller-verifier.js';
import { Secret } from '../security/secret.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../server/http-limits.js';
import type { TracingSettings } from '../telemetry/tracing-settings.js';

/** OTLP over HTTP only: a collector takes it on 4318; gRPC OTLP would add a second stack for the same spans. */
const otlpProtocol = z.enum(['http/protobuf', 'http/json'], 'must be http/protobuf or http/json (OTLP over gRPC is not shipped: use the collector\'s port 4318)');

const serviceEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: decimalInt(0, 65_535).default(4001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Most refs one `payments` query may ask for. */
  PAYMENTS_MAX_REFS: positiveInt(1_000).default(DEFAULT_MAX_REFS),
  /** Calls in flight per provider, across all requests. */
  PROVIDER_MAX_CONCURRENCY: positiveInt(1_000).default(DEFAULT_BULKHEAD.maxConcurrent),
  /** The whole provider call, connect to last byte (per-provider: <PROVIDER>_TIMEOUT_MS). */
  PROVIDER_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_CALL_SETTINGS.totalTimeoutMs),
  PROVIDER_CONNECT_TIMEOUT_MS: positiveInt(60_000).default(DEFAULT_CALL_SETTINGS.connectTimeoutMs),
  /** Time to the response headers. */
  PROVIDER_FIRST_BYTE_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_CALL_SETTINGS.headersTimeoutMs),
  /** Longest silence while a body streams: a stalled body ends here. */
  PROVIDER_BODY_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_CALL_SETTINGS.bodyTimeoutMs),
  /** Every provider call of one GraphQL request ends by then; keep it below the gateway's subgraph timeout. */
  REQUEST_DEADLINE_MS: positiveInt(120_000).default(DEFAULT_REQUEST_DEADLINE_MS),
  /** Calls that may wait for a slot per provider before PROVIDER_OVERLOADED. */
  PROVIDER_MAX_QUEUE: decimalInt(0, 100_000).default(DEFAULT_BULKHEAD.maxQueued),
  RETRY_MAX_ATTEMPTS: positiveInt(10).default(DEFAULT_RETRY_POLICY.maxAttempts),
  CIRCUIT_FAILURE_THRESHOLD: positiveInt(1_000).default(DEFAULT_CIRCUIT_BREAKER.failureThreshold),
  CIRCUIT_OPEN_MS: positiveInt(600_000).default(DEFAULT_CIRCUIT_BREAKER.openMs),
  /** Request-level limits, decided before any provider call. */
  MAX_QUERY_DEPTH: positiveInt(100).default(DEFAULT_REQUEST_LIMITS.maxDepth),
  MAX_ALIASES: positiveInt(1_000).default(DEFAULT_REQUEST_LIMITS.maxAliases),
  MAX_QUERY_TOKENS: positiveInt(100_000).default(DEFAULT_REQUEST_LIMITS.maxTokens),
  MAX_DIRECTIVES: positiveInt(10_000).default(DEFAULT_REQUEST_LIMITS.maxDirectives),
  MAX_FRAGMENT_SPREADS: positiveInt(10_000).default(DEFAULT_REQUEST_LIMITS.maxFragmentSpreads),
  MAX_EXPANDED_FIELDS: positiveInt(1_000_000).default(DEFAULT_REQUEST_LIMITS.maxExpandedFields),
  /** Latency every embedded simulator adds, to feel real network time locally. */
  SIMULATOR_LATENCY_MS: decimalInt(0, 60_000).default(0),
  /** How long a simulated journey payment (`pay_journey_…`) waits for its buyer before it is captured. */
  SIMULATOR_JOURNEY_MS: positiveInt(600_000).default(DEFAULT_JOURNEY_MS),
  /** A subscription's first wait between reads of its payment when no webhook came; it doubles up to SUBSCRIPTION_POLL_MAX_MS. */
  SUBSCRIPTION_POLL_MS: positiveInt(600_000).default(DEFAULT_POLL_POLICY.firstDelayMs),
  SUBSCRIPTION_POLL_MAX_MS: positiveInt(3_600_000).default(DEFAULT_POLL_POLICY.maxDelayMs),
  /** Opt-in: responses made only of final payments carry `Cache-Control: max-age` this long, for a gateway's cache; 0: no-store. */
  FINAL_PAYMENT_MAX_AGE_SECONDS: decimalInt(0, 300).default(0),
  /** Opt-in: final payments are kept this long and served without a provider call (a webhook for one forgets it); 0: always read live. */
  FINAL_PAYMENT_CACHE_SECONDS: decimalInt(0, 300).default(0),
  /** Replicas share budgets, reads, updates and webhook deliveries through this Redis; unset: in this process (one replica). */
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional(),
  /** What payments are sealed with (AES-256-GCM) before they reach Redis: the same on every replica. Required with REDIS_URL. */
  SHARED_STATE_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, colons, dashes or underscores').default('payments:'),
  /** Longest a Redis command may take before the operation falls back to this replica alone. */
  REDIS_COMMAND_TIMEOUT_MS: positiveInt(10_000).default(250),
  /** How many replicas run: while Redis is unreachable each keeps to 1/REPLICAS of every provider's budget. */
  REPLICAS: positiveInt(1_000).default(1),
  /** The whole request (headers and body) must arrive by then; slow-body connections are closed. */
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
  /** Shows `/ready`'s provider details (circuits, queues, targets) in production to a caller presenting it as a bearer token. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Inbound auth (README "Only the gateway, and only with scopes"): the secret the gateway sends on every request. */
  GATEWAY_SHARED_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GATEWAY_SECRET_HEADER: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case header name').default('x-gateway-secret'),
  /** The gateway's JWT keys, to verify the end user's token it forwards: a JWKS file, or its URL. */
  GATEWAY_JWKS_FILE: z.string().optional(),
  GATEWAY_JWKS_URL: httpUrl.optional(),
  GATEWAY_JWT_ISSUER: z.string().optional(),
  GATEWAY_JWT_AUDIENCE: z.string().optional(),
  /** How long SIGTERM waits for in-flight requests before closing anyway. */
  SHUTDOWN_DRAIN_MS: positiveInt(120_000).default(10_000),
  /**
   * After SIGTERM, how long `/ready` answers 503 while the listener still serves, so load balancers
   * take the pod out before connections are refused. Default: 5 s in production, none elsewhere.
   */
  SHUTDOWN_READINESS_DELAY_MS: decimalInt(0, 120_000).optional(),
  /**
   * OpenTelemetry tracing, off unless an OTLP endpoint or `OTEL_TRACES_EXPORTER=otlp` is set (the
   * standard variables: https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
   */
  /** The spec's boolean: `true` in any case turns the SDK off, any other value leaves it as configured. */
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none'], 'must be otlp or none (the only exporters this service ships)').optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('payments-subgraph'),
});

/**
 * One provider's own limits, when it needs others than the PROVIDER_* defaults:
 * `<PROVIDER>_TIMEOUT_MS` (whole call), `<PROVIDER>_CONNECT_TIMEOUT_MS`, `<PROVIDER>_FIRST_BYTE_TIMEOUT_MS`.
 */
const PER_PROVIDER_TIMEOUTS = {
  TIMEOUT_MS: 'totalTimeoutMs',
  CONNECT_TIMEOUT_MS: 'connectTimeoutMs',
  FIRST_BYTE_TIMEOUT_MS: 'headersTimeoutMs',
} as const satisfies Record<string, keyof CallSettings>;

const providerTimeoutEnv = z.object(
  Object.fromEntries(
    PROVIDERS.flatMap((provider) => Object.keys(PER_PROVIDER_TIMEOUTS).map((suffix) => [`${provider}_${suffix}`, positiveInt(120_000).optional()])),
  ),
);

/** Each webhook-sending provider's signing secret, in the variable its scheme names (shorter secrets could be guessed). */
const webhookSecretVariables = Object.fromEntries(
  Object.values(PROVIDER_MODULES).flatMap((module: ProviderModule) => (module.webhook ? [[module.provider, module.webhook.secretVariable]] : [])),
) as Partial<Record<Provider, string>>;
const webhookSecretEnv = z.object(
  Object.fromEntries(Object.values(webhookSecretVariables).map((variable) => [variable, z.string().min(16, 'must be at least 16 characters').optional()])),
);

/** `<PROVIDER>_MAX_CALLS_PER_SECOND`: the provider's rate limit, which this service keeps within in any one-second window (CallWindow). */
const providerRateEnv = z.object(Object.fromEntries(PROVIDERS.map((provider) => [`${provider}_MAX_CALLS_PER_SECOND`, positiveInt(100_000).optional()])));

/** Every environment variable the service reads, for `.env.example` and its test. */
export function configVariables(): string[] {
  return [...Object.keys(serviceEnv.shape), ...Object.keys(providerTimeoutEnv.shape), ...Object.keys(providerRateEnv.shape), ...Object.keys(webhookSecretEnv.shape), ...Object.values(PROVIDER_MODULES).flatMap((module) => module.variables)];
}

export interface AppConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly maxRefs: number;
  readonly maxConcurrencyPerProvider: number;
  readonly calls: CallSettings;
  readonly callOverrides: Partial<Record<Provider, Partial<CallSettings>>>;
  readonly requestDeadlineMs: number;
  readonly maxQueuedPerProvider: number;
  readonly retryPolicy: RetryPolicy;
  readonly circuitBreaker: CircuitBreakerSettings;
  readonly limits: RequestLimits;
  /** How the embedded simulators behave (latency, injected faults). */
  readonly simulatorKnobs: Partial<SimulatorKnobs>;
  readonly shutdownDrainMs: number;
  readonly shutdownReadinessDelayMs: number;
  /** Limits on how the service's own HTTP requests arrive. */
  readonly httpLimits: HttpLimits;
  readonly adminToken?: Secret;
  readonly inboundAuth?: InboundAuth;
  /** Where spans go; undefined: tracing off (ids are still propagated and logged). */
  readonly tracing?: TracingSettings;
  /** Signing secrets of the providers' webhooks (`<PROVIDER>_WEBHOOK_SECRET`); a provider without one takes none. */
  readonly webhookSecrets: Partial<Record<Provider, Secret>>;
  /** How subscriptions read a payment between webhooks. */
  readonly pollPolicy: PollPolicy;
  /** Each provider's budget of calls per second (all requests, polls and webhook reads share it); unset: no budget. */
  readonly maxCallsPerSecond: Partial<Record<Provider, number>>;
  /** Max-age of responses made only of final payments; 0: every response is no-store. */
  readonly finalPaymentMaxAgeSeconds: number;
  /** What replicas share, and where (Redis, or this process). */
  readonly sharedState: SharedStateSettings;
  /** Providers whose credentials are set. */
  readonly liveProviders: Partial<Record<Provider, ProviderSetup>>;
  /** Outside production, providers without credentials are served from their simulators. */
  readonly simulateUnconfigured: boolean;
}

export interface SharedStateSettings {
  readonly redis?: { readonly url: Secret; readonly sealKey: Secret; readonly keyPrefix: string; readonly commandTimeoutMs: number };
  readonly replicas: number;
  /** How long final payments are kept; 0: not at all. */
  readonly finalPaymentCacheSeconds: number;
}

/** Reads and validates the whole configuration; every problem is reported at once, by variable. */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ConfigError) {
        problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
  };

  const service = collect(() => parseEnv(serviceEnv, env));
  const perProviderTimeouts = collect(() => parseEnv(providerTimeoutEnv, env));
  const perProviderRates = collect(() => parseEnv(providerRateEnv, env));
  const liveProviders: Partial<Record<Provider, ProviderSetup>> = {};
  for (const module of Object.values(PROVIDER_MODULES)) {
    const setup = collect(() => module.fromEnv(env));
    if (setup) liveProviders[module.provider] = setup;
  }
  const inboundAuth = service ? collect(() => inboundAuthFrom(service)) : undefined;
  const webhookSecretValues = collect(() => parseEnv(webhookSecretEnv, env));
  if (service?.REDIS_URL && !service.SHARED_STATE_KEY) problems.push('SHARED_STATE_KEY: is required with REDIS_URL (payments are sealed with it before they reach Redis)');
  if (!service || problems.length > 0) throw new ConfigError(problems);

  const connections = Math.max(service.PROVIDER_MAX_CONCURRENCY, DEFAULT_CALL_SETTINGS.connections);
  return {
    environment: service.NODE_ENV,
    host: service.HOST,
    port: service.PORT,
    logLevel: service.LOG_LEVEL,
    maxRefs: service.PAYMENTS_MAX_REFS,
    maxConcurrencyPerProvider: service.PROVIDER_MAX_CONCURRENCY,
    calls: {
      ...DEFAULT_CALL_SETTINGS,
      connections,
      totalTimeoutMs: service.PROVIDER_TIMEOUT_MS,
      connectTimeoutMs: service.PROVIDER_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: service.PROVIDER_FIRST_BYTE_TIMEOUT_MS,
      bodyTimeoutMs: service.PROVIDER_BODY_TIMEOUT_MS,
    },
    callOverrides: Object.fromEntries(
      PROVIDERS.flatMap((provider) => {
        const overrides = Object.fromEntries(
          Object.entries(PER_PROVIDER_TIMEOUTS).flatMap(([suffix, setting]) => {
            const value = perProviderTimeouts?.[`${provider}_${suffix}`];
            return value === undefined ? [] : [[setting, value]];
          }),
        );
        return Object.keys(overrides).length === 0 ? [] : [[provider, overrides]];
      }),
    ),
    requestDeadlineMs: service.REQUEST_DEADLINE_MS,
    maxQueuedPerProvider: service.PROVIDER_MAX_QUEUE,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: service.RETRY_MAX_ATTEMPTS },
    circuitBreaker: { failureThreshold: service.CIRCUIT_FAILURE_THRESHOLD, openMs: service.CIRCUIT_OPEN_MS },
    limits: {
      maxDepth: service.MAX_QUERY_DEPTH,
      maxAliases: service.MAX_ALIASES,
      maxTokens: service.MAX_QUERY_TOKENS,
      maxDirectives: service.MAX_DIRECTIVES,
      maxFragmentSpreads: service.MAX_FRAGMENT_SPREADS,
      maxExpandedFields: service.MAX_EXPANDED_FIELDS,
    },
    simulatorKnobs: { latencyMs: service.SIMULATOR_LATENCY_MS, journeyMs: service.SIMULATOR_JOURNEY_MS },
    webhookSecrets: Object.fromEntries(
      Object.entries(webhookSecretVariables).flatMap(([provider, variable]) => {
        const value = webhookSecretValues?.[variable];
        return value === undefined ? [] : [[provider, new Secret(value)]];
      }),
    ),
    maxCallsPerSecond: Object.fromEntries(PROVIDERS.flatMap((provider) => {
      const rate = perProviderRates?.[`${provider}_MAX_CALLS_PER_SECOND`];
      return rate === undefined ? [] : [[provider, rate]];
    })),
    finalPaymentMaxAgeSeconds: service.FINAL_PAYMENT_MAX_AGE_SECONDS,
    sharedState: {
      replicas: service.REPLICAS,
      finalPaymentCacheSeconds: service.FINAL_PAYMENT_CACHE_SECONDS,
      ...(service.REDIS_URL && service.SHARED_STATE_KEY
        ? { redis: { url: new Secret(service.REDIS_URL), sealKey: new Secret(service.SHARED_STATE_KEY), keyPrefix: service.REDIS_KEY_PREFIX, commandTimeoutMs: service.REDIS_COMMAND_TIMEOUT_MS } }
        : {}),
    },
    pollPolicy: { ...DEFAULT_POLL_POLICY, firstDelayMs: service.SUBSCRIPTION_POLL_MS, maxDelayMs: Math.max(service.SUBSCRIPTION_POLL_MS, service.SUBSCRIPTION_POLL_MAX_MS) },
    shutdownDrainMs: service.SHUTDOWN_DRAIN_MS,
    shutdownReadinessDelayMs: service.SHUTDOWN_READINESS_DELAY_MS ?? (service.NODE_ENV === 'production' ? 5_000 : 0),
    httpLimits: { requestTimeoutMs: service.HTTP_REQUEST_TIMEOUT_MS, headersTimeoutMs: service.HTTP_HEADERS_TIMEOUT_MS },
    ...(service.ADMIN_TOKEN ? { adminToken: new Secret(service.ADMIN_TOKEN) } : {}),
    ...(inboundAuth ? { inboundAuth } : {}),
    ...tracingFrom(service),
    liveProviders,
    simulateUnconfigured: service.NODE_ENV !== 'production',
  };
}

/**
 * Tracing is on when an exporter is asked for: `OTEL_TRACES_EXPORTER=otlp`, or an OTLP endpoint set
 * without `OTEL_TRACES_EXPORTER=none`. The spec's own default exporter is otlp; ours is none, so that
 * a service with no collector does not send spans to localhost:4318 forever.
 */
function tracingFrom(service: z.output<typeof serviceEnv>): { tracing?: TracingSettings } {
  const tracesEndpoint = service.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const baseEndpoint = service.OTEL_EXPORTER_OTLP_ENDPOINT;
  const asked = service.OTEL_TRACES_EXPORTER ?? (tracesEndpoint || baseEndpoint ? 'otlp' : 'none');
  if (service.OTEL_SDK_DISABLED?.toLowerCase() === 'true' || asked === 'none') return {};
  // The per-signal variable is the URL as is; the base one gets the signal's path (spec: "Endpoint URLs for OTLP/HTTP").
  const endpoint = tracesEndpoint ?? `${(baseEndpoint ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`;
  const protocol = service.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? service.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  return { tracing: { endpoint, protocol, serviceName: service.OTEL_SERVICE_NAME } };
}

/** Inbound auth from its variables; undefined when none is set. */
function inboundAuthFrom(service: z.output<typeof serviceEnv>): InboundAuth | undefined {
  if (service.GATEWAY_JWKS_FILE && service.GATEWAY_JWKS_URL) {
    throw new ConfigError(['GATEWAY_JWKS_FILE: set either GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL, not both']);
  }
  let keys;
  if (service.GATEWAY_JWKS_FILE) {
    try {
      keys = createLocalJWKSet(JSON.parse(readFileSync(service.GATEWAY_JWKS_FILE, 'utf8')) as JSONWebKeySet);
    } catch {
      throw new ConfigError(['GATEWAY_JWKS_FILE: must be a readable JWKS (JSON with a "keys" list)']);
    }
  } else if (service.GATEWAY_JWKS_URL) {
    keys = createRemoteJWKSet(new URL(service.GATEWAY_JWKS_URL));
  }
  if (!keys && !service.GATEWAY_SHARED_SECRET) return undefined;
  return {
    gatewaySecretHeader: service.GATEWAY_SECRET_HEADER,
    ...(service.GATEWAY_SHARED_SECRET ? { gatewaySecret: new Secret(service.GATEWAY_SHARED_SECRET) } : {}),
    ...(keys
      ? {
          jwt: {
            keys,
            ...(service.GATEWAY_JWT_ISSUER ? { issuer: service.GATEWAY_JWT_ISSUER } : {}),
            ...(service.GATEWAY_JWT_AUDIENCE ? { audience: service.GATEWAY_JWT_AUDIENCE } : {}),
          },
        }
      : {}),
  };
}
