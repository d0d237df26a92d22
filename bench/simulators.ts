/**
 * Bench helper process: one provider's simulator (PROVIDER), standing in for that provider on its
 * own event loop, as each provider is its own service, with credentials from the environment and a
 * fixed latency. Prints `SIMULATOR <PROVIDER> <url>` when listening.
 */
import { createPrivateKey } from 'node:crypto';
import { gr4vySimulator } from '../src/providers/gr4vy/simulator.js';
import { kuikposSimulator } from '../src/providers/kuikpos/simulator.js';
import { orcarailSimulator } from '../src/providers/orcarail/simulator.js';
import { primerSimulator } from '../src/providers/primer/simulator.js';
import { UcsSimulator } from '../src/providers/ucs/simulator.js';
import { HttpSimulator, type Simulator } from '../src/simulation/http-simulator.js';
import type { Provider } from '../src/model/provider.js';

const env = (name: string) => process.env[name] ?? '';
const knobs = {
  latencyMs: Number(env('LATENCY_MS') || '0'),
  errorRate: Number(env('ERROR_RATE') || '0'),
  stallRate: Number(env('STALL_RATE') || '0'),
};
const starters: Record<Provider, () => Promise<Simulator>> = {
  PRIMER: () => HttpSimulator.start(primerSimulator({ apiKey: env('PRIMER_API_KEY') }), knobs),
  GR4VY: async () => HttpSimulator.start(await gr4vySimulator({ privateKey: createPrivateKey(env('GR4VY_PRIVATE_KEY')) }), knobs),
  KUIKPOS: () => HttpSimulator.start(kuikposSimulator({ apiKey: env('KUIKPOS_API_KEY'), apiSecret: env('KUIKPOS_API_SECRET') }), knobs),
  ORCARAIL: () => HttpSimulator.start(orcarailSimulator({ apiKey: env('ORCARAIL_API_KEY'), apiSecret: env('ORCARAIL_API_SECRET') }), knobs),
  UCS: () =>
    UcsSimulator.start({ connectorConfig: JSON.stringify({ config: { [env('UCS_CONNECTOR')]: JSON.parse(env('UCS_CONNECTOR_CONFIG')) as unknown } }) }, knobs),
};
const provider = env('PROVIDER') as Provider;
const start = starters[provider] as (() => Promise<Simulator>) | undefined;
if (!start) throw new Error(`PROVIDER must be one of ${Object.keys(starters).join(', ')}`);
const simulator = await start();
process.stdout.write(`SIMULATOR ${provider} ${simulator.url}\n`);
process.on('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
