import type { Env } from '../env/env-helpers.js';
import type { Provider } from '../model/provider.js';
import type { FaultIds } from '../simulation/faults.js';
import type { Simulator, SimulatorKnobs } from '../simulation/simulator-base.js';
import type { ProviderAdapter } from './adapter.js';
import type { CallSettings } from './call-settings.js';
import type { WebhookScheme } from './webhooks/scheme.js';

/** A provider with its connection settled (credentials and base URL), ready to build an adapter. */
export interface ProviderSetup {
  /** Where calls go, for logs and readiness; never carries credentials. */
  readonly target: string;
  createAdapter(calls: CallSettings): Promise<ProviderAdapter>;
}

/** Ids a provider's simulator answers in known ways, for tests, benches and people trying it. */
export interface SampleIds {
  /** A captured payment generated for this number: load tests need many distinct payments. */
  generated(n: number): string;
  /** The ids that act out each fault of FAULT_NAMES (HTTP providers; UCS has gRPC faults of its own). */
  readonly faults?: FaultIds;
}

/**
 * What each provider folder exports: how it is configured from the environment and how its
 * simulator starts. Adding a provider = a folder exporting one of these + one line in
 * src/providers/modules.ts + its value in the schema's Provider enum (docs/adding-a-provider.md).
 */
export interface ProviderModule<P extends Provider = Provider> {
  readonly provider: P;
  /** The environment variables it reads, for `.env.example` and the README. */
  readonly variables: readonly string[];
  /**
   * The live connection from the environment, or undefined when its credentials are not set.
   * Throws ConfigError naming the variable when a value is present but wrong.
   */
  fromEnv(env: Env): ProviderSetup | undefined;
  /**
   * Starts the provider's simulator on loopback and a setup pointing at it with matching credentials:
   * the ones in `credentials` (the provider's own variables, as the bench hands them to a simulator
   * in its own process), else fresh random ones.
   */
  simulate(knobs: Partial<SimulatorKnobs>, credentials?: Env): Promise<{ setup: ProviderSetup; simulator: Simulator }>;
  /**
   * Fresh credentials in the provider's own variables (as `fromEnv` reads them), and the variables
   * that point the live configuration at a simulator listening at `url`: how the bench runs each
   * simulator in its own process and the production build against it, knowing no provider's names.
   */
  simulatedCredentials(): Record<string, string>;
  simulatorTarget(url: string): Record<string, string>;
  readonly sampleIds: SampleIds;
  /**
   * How the provider signs the webhooks it sends, for those that send them (UCS does not: it is
   * stateless, and its connectors' webhooks are the connectors' own). Its secret is read from
   * `webhook.secretVariable`.
   */
  readonly webhook?: WebhookScheme;
}
