import type { Env } from '../config/env-helpers.js';
import type { Provider } from '../model/provider.js';
import type { Simulator, SimulatorKnobs } from '../simulation/http-simulator.js';
import type { ProviderAdapter } from './adapter.js';
import type { HttpSettings } from './http/settings.js';

/** A provider with its connection settled (credentials and base URL), ready to build an adapter. */
export interface ProviderSetup {
  /** Where calls go, for logs and readiness; never carries credentials. */
  readonly target: string;
  createAdapter(http: HttpSettings): Promise<ProviderAdapter>;
}

/**
 * What each provider folder exports: how it is configured from the environment and how its
 * simulator starts. Adding a provider = a folder exporting one of these + one line in the registry.
 */
export interface ProviderModule {
  readonly provider: Provider;
  /** The environment variables it reads, for `.env.example` and the README. */
  readonly variables: readonly string[];
  /**
   * The live connection from the environment, or undefined when its credentials are not set.
   * Throws ConfigError naming the variable when a value is present but wrong.
   */
  fromEnv(env: Env): ProviderSetup | undefined;
  /** Starts the provider's simulator on loopback and a setup pointing at it with matching credentials. */
  simulate(knobs: Partial<SimulatorKnobs>): Promise<{ setup: ProviderSetup; simulator: Simulator }>;
}
