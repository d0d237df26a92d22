/**
 * Bench helper process: every provider's simulator, standing in for the real providers on their own
 * event loop, with credentials from the environment and a fixed latency.
 * Prints `SIMULATORS {"PRIMER":url,…}` when listening.
 */
import { createPrivateKey } from 'node:crypto';
import { gr4vySimulator } from '../src/providers/gr4vy/simulator.js';
import { kuikposSimulator } from '../src/providers/kuikpos/simulator.js';
import { orcarailSimulator } from '../src/providers/orcarail/simulator.js';
import { primerSimulator } from '../src/providers/primer/simulator.js';
import { UcsSimulator } from '../src/providers/ucs/simulator.js';
import { HttpSimulator } from '../src/simulation/http-simulator.js';

const env = (name: string) => process.env[name] ?? '';
const knobs = {
  latencyMs: Number(env('LATENCY_MS') || '0'),
  errorRate: Number(env('ERROR_RATE') || '0'),
  stallRate: Number(env('STALL_RATE') || '0'),
};
const simulators = {
  PRIMER: await HttpSimulator.start(primerSimulator({ apiKey: env('PRIMER_API_KEY') }), knobs),
  GR4VY: await HttpSimulator.start(await gr4vySimulator({ privateKey: createPrivateKey(env('GR4VY_PRIVATE_KEY')) }), knobs),
  KUIKPOS: await HttpSimulator.start(kuikposSimulator({ apiKey: env('KUIKPOS_API_KEY'), apiSecret: env('KUIKPOS_API_SECRET') }), knobs),
  ORCARAIL: await HttpSimulator.start(orcarailSimulator({ apiKey: env('ORCARAIL_API_KEY'), apiSecret: env('ORCARAIL_API_SECRET') }), knobs),
  UCS: await UcsSimulator.start({ connectorConfig: JSON.stringify({ config: { [env('UCS_CONNECTOR')]: JSON.parse(env('UCS_CONNECTOR_CONFIG')) as unknown } }) }, knobs),
};
process.stdout.write(`SIMULATORS ${JSON.stringify(Object.fromEntries(Object.entries(simulators).map(([name, sim]) => [name, sim.url])))}\n`);
process.on('SIGTERM', () => {
  void Promise.all(Object.values(simulators).map((simulator) => simulator.close())).then(() => process.exit(0));
});
