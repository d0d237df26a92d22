import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/log/logger.js';
import type { DispatchedBatch } from '../../src/loading/payment-loaders.js';
import type { ProviderRegistry } from '../../src/loading/provider-registry.js';
import type { Provider } from '../../src/model/provider.js';
import type { CallSettings } from '../../src/providers/call-settings.js';
import type { ProviderSetup } from '../../src/providers/module.js';
import type { App } from '../../src/server/app.js';
import { Secret } from '../../src/security/secret.js';
import type { HttpLimits } from '../../src/server/http-limits.js';
import { buildService } from '../../src/service/build-service.js';
import type { RequestLimits } from '../../src/graphql/limits.js';
import type { CircuitBreakerSettings } from '../../src/resilience/circuit-breaker.js';
import type { RetryPolicy } from '../../src/resilience/retry-policy.js';
import type { PollPolicy } from '../../src/live/poll-policy.js';
import type { Simulator, SimulatorKnobs } from '../../src/simulation/http-simulator.js';

/** Collects every log line the app writes, to assert on hygiene and content. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString());
    done();
  }

  get text(): string {
    return this.lines.join('');
  }
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  readonly raw: string;
}

export interface TestApp {
  readonly url: string;
  /** GraphQL operations the payments subgraph received, by whether they asked for `_entities`. */
  readonly operations: { entities: number; other: number };
  readonly app: App;
  readonly registry: ProviderRegistry;
  readonly batches: DispatchedBatch[];
  readonly logs: LogCapture;
  simulator(provider: Provider): Simulator;
  /** POST /graphql as a gateway would, with any extra request headers (traceparent, x-request-id, auth). */
  query<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly calls?: Partial<CallSettings>;
  readonly knobs?: Partial<SimulatorKnobs>;
  readonly live?: Partial<Record<Provider, ProviderSetup>>;
  readonly maxRefs?: number;
  readonly maxConcurrencyPerProvider?: number;
  /** Serve providers without credentials from simulators (default), or not at all, as in production. */
  readonly simulate?: boolean;
  readonly circuitBreaker?: CircuitBreakerSettings;
  readonly retryPolicy?: RetryPolicy;
  readonly maxQueuedPerProvider?: number;
  readonly requestDeadlineMs?: number;
  readonly limits?: RequestLimits;
  /** Run as production does (introspection and suggestions off, /ready details behind the admin token); simulators still serve. */
  readonly production?: boolean;
  readonly httpLimits?: HttpLimits;
  readonly adminToken?: string;
  /** Environment variables the service's own configuration reads (e.g. inbound auth), on top of an empty one. */
  readonly env?: Readonly<Record<string, string>>;
  /** How subscriptions poll (default: the service's). */
  readonly pollPolicy?: PollPolicy;
  /** Whether simulators send their webhooks to the app (default true). */
  readonly simulatorWebhooks?: boolean;
}

/** The real server on an ephemeral loopback port, built as production builds it, with every unconfigured provider simulated. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logs = new LogCapture();
  const logger = createLogger('debug', logs);
  const batches: DispatchedBatch[] = [];
  const operations = { entities: 0, other: 0 };
  const { registry, app } = await buildService(testConfig(options), {
    logger,
    onBatch: (batch) => batches.push(batch),
    plugins: [
      {
        requestDidStart({ request }) {
          if (request.query?.includes('_entities')) operations.entities += 1;
          else operations.other += 1;
          return Promise.resolve();
        },
      },
    ],
  });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  app.lifecycle.markListening();
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${String(port)}`;
  if (options.simulatorWebhooks !== false) registry.sendSimulatorWebhooksTo(url);

  return {
    url,
    operations,
    app,
    registry,
    batches,
    logs,
    simulator(provider) {
      const simulator = registry.simulators.get(provider);
      if (!simulator) throw new Error(`${provider} is not simulated in this test app`);
      return simulator;
    },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as above
    async query<Data>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      const body = JSON.parse(raw) as Omit<GraphQLResponse<Data>, 'status' | 'raw'>;
      return { ...body, status: response.status, raw };
    },
    close: () => app.close(),
  };
}

/** The service's own defaults (an empty environment outside production), with the test's changes on top. */
function testConfig(options: TestAppOptions): AppConfig {
  const defaults = loadConfig({ NODE_ENV: 'test', ...options.env });
  return {
    ...defaults,
    calls: { ...defaults.calls, ...options.calls },
    liveProviders: options.live ?? {},
    simulateUnconfigured: options.simulate ?? true,
    simulatorKnobs: options.knobs ?? {},
    maxRefs: options.maxRefs ?? defaults.maxRefs,
    maxConcurrencyPerProvider: options.maxConcurrencyPerProvider ?? defaults.maxConcurrencyPerProvider,
    maxQueuedPerProvider: options.maxQueuedPerProvider ?? defaults.maxQueuedPerProvider,
    circuitBreaker: options.circuitBreaker ?? defaults.circuitBreaker,
    retryPolicy: options.retryPolicy ?? defaults.retryPolicy,
    requestDeadlineMs: options.requestDeadlineMs ?? defaults.requestDeadlineMs,
    limits: options.limits ?? defaults.limits,
    pollPolicy: options.pollPolicy ?? defaults.pollPolicy,
    ...(options.production ? { environment: 'production' as const } : {}),
    ...(options.httpLimits ? { httpLimits: options.httpLimits } : {}),
    ...(options.adminToken ? { adminToken: new Secret(options.adminToken) } : {}),
  };
}

/** Resets every simulator's counters and the recorded batches, between test cases. */
export function resetCounters(testApp: TestApp): void {
  testApp.batches.length = 0;
  testApp.operations.entities = 0;
  testApp.operations.other = 0;
  for (const simulator of testApp.registry.simulators.values()) simulator.resetCounters();
}
