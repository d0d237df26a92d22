import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Payment } from '../model/payment.js';
import { PROVIDERS, type PaymentKey, type Provider } from '../model/provider.js';
import type { ProviderAdapter } from '../providers/adapter.js';
import type { CallSettings } from '../providers/call-settings.js';
import type { ProviderSetup } from '../providers/module.js';
import type { WebhookScheme } from '../providers/webhooks/scheme.js';
import { Secret } from '../security/secret.js';
import { PROVIDER_MODULES } from '../providers/modules.js';
import { Bulkhead } from '../resilience/bulkhead.js';
import { CircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerSettings, type CircuitState } from '../resilience/circuit-breaker.js';
import { ErrorCode } from '../errors/codes.js';
import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { CallObserver, ProviderResilience } from '../resilience/provider-resilience.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../resilience/retry-policy.js';
import { SingleFlight } from '../resilience/single-flight.js';
import type { Coordination } from '../coordination/coordination.js';
import type { Simulator, SimulatorKnobs } from '../simulation/simulator-base.js';

/** How a provider is served: its real API, its embedded simulator, or not at all. */
export type ProviderMode = 'live' | 'simulator' | 'not_configured';

/** A provider as the loaders use it: its adapter behind its own resilience chain. */
export interface ProviderRuntime extends ProviderResilience {
  readonly adapter: ProviderAdapter;
  /** Concurrent reads of the same payment share one call. */
  readonly flights: SingleFlight<Payment>;
  readonly mode: Exclude<ProviderMode, 'not_configured'>;
  readonly target: string;
  /** The provider's webhooks and the secret they are signed with; absent: `POST /webhooks/<provider>` answers 404. */
  readonly webhook?: { readonly scheme: WebhookScheme; readonly secret: Secret };
}

export interface ProviderStatus {
  readonly mode: ProviderMode;
  readonly target?: string;
  readonly circuit?: CircuitState;
  readonly inFlight?: number;
  readonly queued?: number;
}

export interface RegistryOptions {
  /** Live setups from the environment, by provider. */
  readonly live: Partial<Record<Provider, ProviderSetup>>;
  /** Serve providers without credentials from their simulators (never in production). */
  readonly simulateUnconfigured: boolean;
  readonly simulatorKnobs: Partial<SimulatorKnobs>;
  /** Webhook signing secrets by provider; a simulated provider without one gets a fresh one, shared with its simulator. */
  readonly webhookSecrets?: Partial<Record<Provider, Secret>>;
  /** Calls per second each provider may receive from all replicas together; unset: no budget. */
  readonly maxCallsPerSecond?: Partial<Record<Provider, number>>;
  /** What the replicas share: each provider's budget is drawn from it. */
  readonly coordination: Coordination;
  readonly calls: CallSettings;
  /** Per-provider overrides of `calls` (timeouts), e.g. a slow acquirer behind one provider. */
  readonly callOverrides?: Partial<Record<Provider, Partial<CallSettings>>>;
  readonly maxConcurrencyPerProvider: number;
  /** Calls that may wait for a slot per provider before PROVIDER_OVERLOADED. */
  readonly maxQueuedPerProvider: number;
  /** Default: DEFAULT_RETRY_POLICY. */
  readonly retryPolicy?: RetryPolicy;
  /** Default: DEFAULT_CIRCUIT_BREAKER. */
  readonly circuitBreaker?: CircuitBreakerSettings;
  readonly logger: Logger;
  /** Where attempts, retries, breaker transitions and single-flight merges are counted. */
  readonly metrics?: ServiceMetrics;
}

/** The adapters in use, one per provider, with their concurrency limiters and simulators. */
export class ProviderRegistry {
  private constructor(
    private readonly runtimes: ReadonlyMap<Provider, ProviderRuntime>,
    readonly simulators: ReadonlyMap<Provider, Simulator>,
    /** Reads in flight on other replicas and final payments kept, consulted by the loaders. */
    readonly coordination: Coordination,
    private readonly metrics: ServiceMetrics | undefined,
  ) {}

  static async create(options: RegistryOptions): Promise<ProviderRegistry> {
    const runtimes = new Map<Provider, ProviderRuntime>();
    const { metrics } = options;
    const simulators = new Map<Provider, Simulator>();
    for (const module of PROVIDERS.map((provider) => PROVIDER_MODULES[provider])) {
      const live = options.live[module.provider];
      let setup = live;
      if (!setup && options.simulateUnconfigured) {
        const simulated = await module.simulate(options.simulatorKnobs);
        simulators.set(module.provider, simulated.simulator);
        setup = simulated.setup;
      }
      if (!setup) continue;
      const provider = module.provider;
      const scheme = module.webhook;
      const rate = options.maxCallsPerSecond?.[provider];
      const secret = options.webhookSecrets?.[provider] ?? (scheme && !live ? new Secret(`whsec_sim_${randomBytes(24).toString('hex')}`) : undefined);
      runtimes.set(provider, {
        adapter: await setup.createAdapter({ ...options.calls, ...options.callOverrides?.[provider] }),
        bulkhead: new Bulkhead(provider, options.maxConcurrencyPerProvider, options.maxQueuedPerProvider),
        breaker: new CircuitBreaker(provider, options.circuitBreaker ?? DEFAULT_CIRCUIT_BREAKER, (state) => {
          options.logger.warn({ provider, circuit: state }, `circuit ${state === 'open' ? 'opened: failing fast' : state}`);
          metrics?.circuitTransitions.inc({ provider, state });
        }),
        flights: new SingleFlight<Payment>(() => metrics?.singleFlightMerges.inc({ provider })),
        observer: callObserver(provider, options.logger, metrics),
        retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
        mode: live ? 'live' : 'simulator',
        target: withoutUserinfo(setup.target),
        ...(scheme && secret ? { webhook: { scheme, secret } } : {}),
        ...(rate ? { budget: options.coordination.budget(provider, rate) } : {}),
      });
    }
    const registry = new ProviderRegistry(runtimes, simulators, options.coordination, metrics);
    options.logger.info({ providers: registry.describe() }, 'providers ready');
    return registry;
  }

  /** Whether any provider is served at all (live or simulated). */
  get servesAnyProvider(): boolean {
    return this.runtimes.size > 0;
  }

  /** The payment as kept final a moment ago (FINAL_PAYMENT_CACHE_SECONDS), if it is; counted as a hit or a miss. */
  async keptFinalPayment(key: PaymentKey): Promise<Payment | undefined> {
    const { finalPayments } = this.coordination;
    if (!finalPayments) return undefined;
    const kept = await finalPayments.get(key);
    this.metrics?.finalPaymentCache.inc({ outcome: kept ? 'hit' : 'miss' });
    return kept;
  }

  get(provider: Provider): ProviderRuntime | undefined {
    return this.runtimes.get(provider);
  }

  /**
   * Points every simulator whose provider sends webhooks at the subgraph listening at `url`, with the
   * secret the subgraph verifies them by: called once the server listens.
   */
  sendSimulatorWebhooksTo(url: string): void {
    for (const [provider, simulator] of this.simulators) {
      const webhook = this.runtimes.get(provider)?.webhook;
      if (webhook) simulator.sendWebhooksTo(url, webhook.secret.reveal());
    }
  }

  /** Each provider's mode, target, circuit and load; no credentials. */
  describe(): Record<Provider, ProviderStatus> {
    return Object.fromEntries(
      PROVIDERS.map((provider): [Provider, ProviderStatus] => {
        const runtime = this.runtimes.get(provider);
        if (!runtime) return [provider, { mode: 'not_configured' }];
        return [
          provider,
          { mode: runtime.mode, target: runtime.target, circuit: runtime.breaker.state, inFlight: runtime.bulkhead.active, queued: runtime.bulkhead.queued },
        ];
      }),
    ) as Record<Provider, ProviderStatus>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.runtimes.values()].map((runtime) => runtime.adapter.close()));
    await Promise.all([...this.simulators.values()].map((simulator) => simulator.close()));
  }
}

/** A target as readiness may show it: `http://user:pass@host` loses its credentials. */
function withoutUserinfo(target: string): string {
  return target.replace(/\/\/[^/@\s]*@/, '//');
}

/**
 * Every attempt that reached the provider: counted and timed in the metrics, and, when it failed,
 * one summary log line that joins up with the request's own lines (request and trace ids).
 */
function callObserver(provider: Provider, logger: Logger, metrics: ServiceMetrics | undefined): CallObserver {
  return {
    attempted(result, seconds, scope) {
      const lookup = !result.ok && result.error instanceof PaymentLookupError ? result.error : undefined;
      const code = result.ok ? undefined : (lookup?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      const outcome = code === undefined ? 'ok' : 'error';
      metrics?.providerCalls.inc({ provider, outcome, code: code ?? 'none' });
      metrics?.providerDuration.observe({ provider, outcome }, seconds);
      if (code === undefined || code === ErrorCode.REQUEST_CANCELLED) return;
      logger.info(
        { reqId: scope.requestId, traceId: scope.trace.traceId, spanId: scope.trace.spanId, provider, code, upstreamStatus: lookup?.upstreamStatus, ms: Math.round(seconds * 1000) },
        'provider call failed',
      );
    },
    retried(code) {
      metrics?.providerRetries.inc({ provider, code });
    },
  };
}
