import { z } from 'zod';
import type { Provider } from '../model/provider.js';
import type { HttpSettings } from '../providers/http/settings.js';
import { DEFAULT_HTTP_SETTINGS } from '../providers/http/settings.js';
import type { ProviderSetup } from '../providers/module.js';
import { PROVIDER_MODULES } from '../providers/registry.js';
import { ConfigError, parseEnv, positiveInt, type Env } from './env-helpers.js';

const serviceEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Most refs one `payments` query may ask for. */
  PAYMENTS_MAX_REFS: positiveInt(1_000).default(100),
  /** Calls in flight per provider, across all requests. */
  PROVIDER_MAX_CONCURRENCY: positiveInt(1_000).default(50),
  /** The whole provider call, connect to last byte. */
  PROVIDER_TIMEOUT_MS: positiveInt(120_000).default(DEFAULT_HTTP_SETTINGS.totalTimeoutMs),
  /** Latency every embedded simulator adds, to feel real network time locally. */
  SIMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** How long SIGTERM waits for in-flight requests before closing anyway. */
  SHUTDOWN_DRAIN_MS: positiveInt(120_000).default(10_000),
});

export interface AppConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly maxRefs: number;
  readonly maxConcurrencyPerProvider: number;
  readonly http: HttpSettings;
  readonly simulatorLatencyMs: number;
  readonly shutdownDrainMs: number;
  /** Providers whose credentials are set. */
  readonly liveProviders: Partial<Record<Provider, ProviderSetup>>;
  /** Outside production, providers without credentials are served from their simulators. */
  readonly simulateUnconfigured: boolean;
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
  const liveProviders: Partial<Record<Provider, ProviderSetup>> = {};
  for (const module of PROVIDER_MODULES) {
    const setup = collect(() => module.fromEnv(env));
    if (setup) liveProviders[module.provider] = setup;
  }
  if (!service || problems.length > 0) throw new ConfigError(problems);

  const connections = Math.max(service.PROVIDER_MAX_CONCURRENCY, DEFAULT_HTTP_SETTINGS.connections);
  return {
    environment: service.NODE_ENV,
    host: service.HOST,
    port: service.PORT,
    logLevel: service.LOG_LEVEL,
    maxRefs: service.PAYMENTS_MAX_REFS,
    maxConcurrencyPerProvider: service.PROVIDER_MAX_CONCURRENCY,
    http: { ...DEFAULT_HTTP_SETTINGS, connections, totalTimeoutMs: service.PROVIDER_TIMEOUT_MS },
    simulatorLatencyMs: service.SIMULATOR_LATENCY_MS,
    shutdownDrainMs: service.SHUTDOWN_DRAIN_MS,
    liveProviders,
    simulateUnconfigured: service.NODE_ENV !== 'production',
  };
}
