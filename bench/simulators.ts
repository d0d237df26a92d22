/**
 * Bench helper process: one provider's simulator (PROVIDER), standing in for that provider on its
 * own event loop, as each provider is its own service. It starts through the provider's own module,
 * with the credentials from the environment (the variables the subgraph reads too) and fixed knobs.
 * Prints `SIMULATOR <PROVIDER> <url>` when listening.
 */
import { PROVIDERS, type Provider } from '../src/model/provider.js';
import { PROVIDER_MODULES } from '../src/providers/modules.js';

const env = (name: string) => process.env[name] ?? '';
const knobs = {
  latencyMs: Number(env('LATENCY_MS') || '0'),
  errorRate: Number(env('ERROR_RATE') || '0'),
  stallRate: Number(env('STALL_RATE') || '0'),
};
const provider = env('PROVIDER');
if (!(PROVIDERS as readonly string[]).includes(provider)) throw new Error(`PROVIDER must be one of ${PROVIDERS.join(', ')}`);
const { simulator } = await PROVIDER_MODULES[provider as Provider].simulate(knobs, process.env);
process.stdout.write(`SIMULATOR ${provider} ${simulator.url}\n`);
process.on('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
