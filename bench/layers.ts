/**
 * `npm run bench:layers`: where one provider read's CPU goes, layer by layer, in this process (the
 * provider's simulator runs in its own). Each layer is the one below it plus one of the subgraph's
 * own, called as production calls it, 32 at a time, on a distinct payment each (single-flight cannot
 * merge them):
 *
 *   undici     the floor: an undici Pool GET of the Primer payment and JSON.parse, as bench/floor.ts
 *   adapter    + the Primer adapter: JsonHttpClient (timeout, cancellation, span, trace headers,
 *              capped body), status table, exact JSON, wire schema, id check, transform
 *   resilient  + resilientCall: breaker, the request's share, budget, bulkhead, retry loop, metrics
 *   loader     + the request's DataLoaders, batch span, single-flight and the shared read: what one
 *              `payment` field costs below GraphQL
 *
 * LAYERS_ROUNDS (default 5) alternating rounds of LAYERS_CALLS (default 20,000) calls each, after a
 * warm-up round; prints the median CPU µs per call (process.cpuUsage) of each layer, what it adds to
 * the layer below, and its ratio to the floor. Issue 13 asks where the CPU goes: this is its map.
 */
import { Pool } from 'undici';
import { loadConfig } from '../src/config/app-config.js';
import { createPaymentLoaders } from '../src/loading/payment-loaders.js';
import { PRIMER_API_VERSION } from '../src/providers/primer/client.js';
import { PROVIDER_MODULES } from '../src/providers/modules.js';
import { RequestScope } from '../src/request/request-scope.js';
import { resilientCall } from '../src/resilience/resilient-call.js';
import { buildService } from '../src/service/build-service.js';
import { median } from './measure.js';
import { startProcess, stopAll } from './processes.js';

const ROUNDS = Number(process.env['LAYERS_ROUNDS'] ?? '5');
const CALLS = Number(process.env['LAYERS_CALLS'] ?? '20000');
const CONCURRENCY = 32;

const credentials = PROVIDER_MODULES.PRIMER.simulatedCredentials();
const simulator = await startProcess('bench/simulators.ts', { PROVIDER: 'PRIMER', LATENCY_MS: '0', ...credentials }, /^SIMULATOR /);
const baseUrl = simulator.line.trim().split(' ')[2]!;
try {
  // The service as production builds it (NODE_ENV=production, only warnings logged), against the simulator.
  const service = await buildService(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', ...credentials, ...PROVIDER_MODULES.PRIMER.simulatorTarget(baseUrl) }));
  const primer = service.registry.get('PRIMER');
  if (!primer) throw new Error('the Primer provider is not configured');
  const pool = new Pool(baseUrl, { connections: 64 });
  const floorHeaders = { 'x-api-key': credentials['PRIMER_API_KEY'] ?? '', 'x-api-version': PRIMER_API_VERSION, accept: 'application/json' };

  let next = 0;
  const nextId = () => PROVIDER_MODULES.PRIMER.sampleIds.generated((next += 1));
  const newScope = () => new RequestScope({ deadline: Date.now() + 8_000, requestId: 'bench-layers' });
  const layers = {
    undici: async () => {
      const answer = await pool.request({ method: 'GET', path: `/payments/${nextId()}`, headers: floorHeaders });
      return JSON.parse(await answer.body.text()) as unknown;
    },
    adapter: () => primer.adapter.fetchPayment(nextId(), newScope()),
    resilient: () => {
      const scope = newScope();
      return resilientCall(primer, scope, () => primer.adapter.fetchPayment(nextId(), scope));
    },
    loader: () => createPaymentLoaders(service.registry, { scope: newScope() }).payment.load({ provider: 'PRIMER', id: nextId() }),
  } as const;
  type Layer = keyof typeof layers;
  const names = Object.keys(layers) as Layer[];

  /** CPU µs per call of `read`, CONCURRENCY calls in flight at a time. */
  const cpuPerCall = async (read: () => Promise<unknown>): Promise<number> => {
    let left = CALLS;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (; left > 0; left -= 1) await read();
      }),
    );
    const used = process.cpuUsage(before);
    return (used.user + used.system) / CALLS;
  };

  for (const name of names) await cpuPerCall(layers[name]);
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Layer, number[]>;
  for (let round = 0; round < ROUNDS; round += 1) for (const name of names) samples[name].push(await cpuPerCall(layers[name]));

  console.log(`${String(ROUNDS)} alternating rounds of ${String(CALLS)} reads, ${String(CONCURRENCY)} at a time, a distinct Primer payment each`);
  let below: number | undefined;
  const floor = median(samples.undici);
  for (const name of names) {
    const us = median(samples[name]);
    const added = below === undefined ? '' : `  +${(us - below).toFixed(1)} µs`;
    console.log(`  ${name.padEnd(10)} ${us.toFixed(1).padStart(6)} µs CPU per read  ${(us / floor).toFixed(2)}x the floor${added}`);
    below = us;
  }
  await pool.close();
  await service.registry.close();
} finally {
  stopAll([simulator.child]);
}
