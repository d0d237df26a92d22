/**
 * Bench helper process: the Primer and Gr4vy simulators, standing in for the real providers on
 * their own event loop, with credentials from the environment and a fixed latency.
 * Prints `SIMULATORS {"PRIMER":url,"GR4VY":url}` when listening.
 */
import { createPrivateKey } from 'node:crypto';
import { gr4vySimulator } from '../src/providers/gr4vy/simulator.js';
import { primerSimulator } from '../src/providers/primer/simulator.js';
import { HttpSimulator } from '../src/simulation/http-simulator.js';

const latencyMs = Number(process.env['LATENCY_MS'] ?? '0');
const primer = await HttpSimulator.start(primerSimulator({ apiKey: process.env['PRIMER_API_KEY'] ?? '' }), { latencyMs });
const gr4vy = await HttpSimulator.start(
  await gr4vySimulator({ privateKey: createPrivateKey(process.env['GR4VY_PRIVATE_KEY'] ?? '') }),
  { latencyMs },
);
process.stdout.write(`SIMULATORS ${JSON.stringify({ PRIMER: primer.url, GR4VY: gr4vy.url })}\n`);
process.on('SIGTERM', () => {
  void Promise.all([primer.close(), gr4vy.close()]).then(() => process.exit(0));
});
