import type { Logger } from 'pino';
import { ConcurrencyLimiter } from '../loading/concurrency-limiter.js';
import { PROVIDERS, type Provider } from '../model/provider.js';
import type { Simulator, SimulatorKnobs } from '../simulation/http-simulator.js';
import type { ProviderAdapter } from './adapter.js';
import { gr4vyModule } from './gr4vy/index.js';
import type { HttpSettings } from './http/settings.js';
import type { ProviderModule, ProviderSetup } from './module.js';
import { kuikposModule } from './kuikpos/index.js';
import { orcarailModule } from './orcarail/index.js';
import { primerModule } from './primer/index.js';
import { ucsModule } from './ucs/index.js';

/** Every provider the subgraph can serve. A sixth provider is one more line here. */
export const PROVIDER_MODULES: readonly ProviderModule[] = [primerModule, gr4vyModule, kuikposModule, orcarailModule, ucsModule];

/** How a provider is served: its real API, its embedded simulator, or not at all. */
export type ProviderMode = 'live' | 'simulator' | 'not_configured';

export interface ProviderRuntime {
  readonly adapter: ProviderAdapter;
  readonly limiter: ConcurrencyLimiter;
  readonly mode: Exclude<ProviderMode, 'not_configured'>;
  readonly target: string;
}

export interface RegistryOptions {
  /** Live setups from the environment, by provider. */
  readonly live: Partial<Record<Provider, ProviderSetup>>;
  /** Serve providers without credentials from their simulators (never in production). */
  readonly simulateUnconfigured: boolean;
  readonly simulatorKnobs: Partial<SimulatorKnobs>;
  readonly http: HttpSettings;
  readonly maxConcurrencyPerProvider: number;
  readonly logger: Logger;
}

/** The adapters in use, one per provider, with their concurrency limiters and simulators. */
export class ProviderRegistry {
  private constructor(
    private readonly runtimes: ReadonlyMap<Provider, ProviderRuntime>,
    readonly simulators: ReadonlyMap<Provider, Simulator>,
  ) {}

  static async create(options: RegistryOptions): Promise<ProviderRegistry> {
    const runtimes = new Map<Provider, ProviderRuntime>();
    const simulators = new Map<Provider, Simulator>();
    for (const module of PROVIDER_MODULES) {
      const live = options.live[module.provider];
      let setup = live;
      if (!setup && options.simulateUnconfigured) {
        const simulated = await module.simulate(options.simulatorKnobs);
        simulators.set(module.provider, simulated.simulator);
        setup = simulated.setup;
      }
      if (!setup) continue;
      runtimes.set(module.provider, {
        adapter: await setup.createAdapter(options.http),
        limiter: new ConcurrencyLimiter(options.maxConcurrencyPerProvider),
        mode: live ? 'live' : 'simulator',
        target: setup.target,
      });
    }
    const registry = new ProviderRegistry(runtimes, simulators);
    options.logger.info({ providers: registry.describe() }, 'providers ready');
    return registry;
  }

  get(provider: Provider): ProviderRuntime | undefined {
    return this.runtimes.get(provider);
  }

  /** Each provider's mode and, for simulators, where they listen; no credentials. */
  describe(): Record<Provider, { mode: ProviderMode; target?: string }> {
    return Object.fromEntries(
      PROVIDERS.map((provider) => {
        const runtime = this.runtimes.get(provider);
        return [provider, runtime ? { mode: runtime.mode, target: runtime.target } : { mode: 'not_configured' }];
      }),
    ) as Record<Provider, { mode: ProviderMode; target?: string }>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.runtimes.values()].map((runtime) => runtime.adapter.close()));
    await Promise.all([...this.simulators.values()].map((simulator) => simulator.close()));
  }
}
