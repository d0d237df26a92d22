/**
 * `npm run bench:compare`: one optimisation's effect, measured as issue 13 asks (each its own commit
 * with its measured effect). Two builds of the subgraph, the one in `dist-base/` (copy `dist/` there
 * before the change: `npm run build && rm -rf dist-base && cp -r dist dist-base`) and `dist/` (after),
 * take (a)'s load in alternating rounds against the same Primer simulator, so the machine's noise falls
 * on both alike. Prints each build's median CPU per request (from /proc) and req/s, and after/before.
 *
 * COMPARE_PAIRS (default 6) fresh pairs of processes, each pair warmed up 10 s per build and then
 * loaded in COMPARE_ROUNDS_PER_PAIR (default 1) alternating rounds of BENCH_SECONDS (default 5) each.
 * One pair of processes is not enough: a change that saves 0.14 µs per request read 0.896 in one
 * pair, every one of its 8 rounds between 0.87 and 0.92 (the JIT's choices and the heap's layout are
 * each process's own, and they held for the whole pair). So a change is shown only when every pair
 * moves the same way: 6 of 6 happen by chance once in 32 for a change without effect.
 * COMPARE_CONNECTIONS (default 32): fewer leave the two cores less contended.
 * COMPARE_BEFORE (default `dist-base`) names the build compared against; COMPARE_AFTER_NODE_FLAGS, when
 * set (even empty), replaces the Dockerfile's Node flags for the `dist/` build, so one build against
 * itself under other flags measures a runtime setting (e.g. `COMPARE_BEFORE=dist
 * COMPARE_AFTER_NODE_FLAGS=--max-old-space-size=1024`). Peak RSS of each is printed too.
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { PROVIDER_MODULES } from '../src/providers/modules.js';
import { BUSY_CORES, cpuSeconds, median, openWindow, rssMb, spread } from './measure.js';
import { productionNodeFlags, startProcess, startSubgraph, stopAll, stopNow } from './processes.js';

const PAIRS = Number(process.env['COMPARE_PAIRS'] ?? '6');
const ROUNDS_PER_PAIR = Number(process.env['COMPARE_ROUNDS_PER_PAIR'] ?? '1');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? '5');
const CONNECTIONS = Number(process.env['COMPARE_CONNECTIONS'] ?? '32');
const BEFORE = process.env['COMPARE_BEFORE'] ?? 'dist-base';
const afterFlags = process.env['COMPARE_AFTER_NODE_FLAGS'];
const AFTER_NODE_FLAGS = afterFlags === undefined ? productionNodeFlags() : afterFlags.split(' ').filter(Boolean);
const QUERY = 'query($id: ID!) { payment(id: $id, provider: PRIMER) { id status } }';

const children: ChildProcess[] = [];
const credentials = PROVIDER_MODULES.PRIMER.simulatedCredentials();

/** A server of the comparison, counted among this bench's processes. */
function started(server: { url: string; child: ChildProcess }): { url: string; pid: number } {
  children.push(server.child);
  return { url: server.url, pid: server.child.pid! };
}

let nextId = 0;
/** A distinct payment per request, as (a) asks: single-flight cannot flatter either build. */
async function load(url: string, seconds: number) {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: QUERY, variables: { id: PROVIDER_MODULES.PRIMER.sampleIds.generated((nextId += 1)) } }) }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url} answered ${String(result.non2xx)} non-2xx and ${String(result.errors)} errors`);
  return result;
}

async function round(build: { url: string; pid: number }) {
  const window = openWindow([process.pid, ...children.flatMap((child) => (child.pid ? [child.pid] : []))]);
  const before = cpuSeconds(build.pid);
  let rssPeakMb = rssMb(build.pid);
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(build.pid))), 250);
  const result = await load(build.url, SECONDS);
  clearInterval(sampler);
  const cpuUsPerRequest = ((cpuSeconds(build.pid) - before) * 1e6) / result.requests.total;
  return { cpuUsPerRequest, rssPeakMb, requestsPerSecond: result.requests.average, othersCores: window.end().othersCores };
}

type Round = Awaited<ReturnType<typeof round>>;

/** A fresh process of each build, warmed up, loaded in alternating rounds, then stopped. */
async function pairOfProcesses(env: Record<string, string>, pair: number): Promise<{ before: Round[]; after: Round[] }> {
  // Which build starts (and warms up) first alternates with the pair too.
  const order = pair % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  const start = (name: 'before' | 'after') => (name === 'before' ? startSubgraph(env, `${BEFORE}/src/main.js`) : startSubgraph(env, 'dist/src/main.js', AFTER_NODE_FLAGS));
  const servers = { [order[0]]: started(await start(order[0])), [order[1]]: started(await start(order[1])) } as Record<'before' | 'after', { url: string; pid: number }>;
  try {
    for (const name of order) await load(servers[name].url, 10);
    const rounds = { before: [] as Round[], after: [] as Round[] };
    for (let n = 0; n < ROUNDS_PER_PAIR; n += 1) {
      // Who goes first alternates: a round right after the other's may find the CPU warmer.
      for (const name of n % 2 === 0 ? order : ([order[1], order[0]] as const)) rounds[name].push(await round(servers[name]));
    }
    return rounds;
  } finally {
    // Gone before the next pair starts: a draining process would still hold memory and a little CPU.
    await Promise.all(Object.values(servers).map(({ pid }) => stopped(pid)));
  }
}

/** Stops one of this pair's processes and forgets it. */
async function stopped(pid: number): Promise<void> {
  const child = children.find((one) => one.pid === pid);
  if (!child) return;
  children.splice(children.indexOf(child), 1);
  await stopNow(child);
}

try {
  const simulator = await startProcess('bench/simulators.ts', { PROVIDER: 'PRIMER', LATENCY_MS: '0', ...credentials }, /^SIMULATOR /);
  children.push(simulator.child);
  const env = { ...credentials, ...PROVIDER_MODULES.PRIMER.simulatorTarget(simulator.line.trim().split(' ')[2]!) };
  const pairs: Array<{ before: Round[]; after: Round[] }> = [];
  for (let pair = 0; pair < PAIRS; pair += 1) pairs.push(await pairOfProcesses(env, pair));
  const rounds = { before: pairs.flatMap((pair) => pair.before), after: pairs.flatMap((pair) => pair.after) };
  const summary = (name: 'before' | 'after') => ({
    cpuUsPerRequest: Math.round(median(rounds[name].map((one) => one.cpuUsPerRequest))),
    cpuSpread: spread(rounds[name].map((one) => one.cpuUsPerRequest)),
    requestsPerSecond: Math.round(median(rounds[name].map((one) => one.requestsPerSecond))),
    rssPeakMb: Math.max(...rounds[name].map((one) => one.rssPeakMb)),
  });
  const before = summary('before');
  const after = summary('after');
  const busy = [...rounds.before, ...rounds.after].some((one) => one.othersCores > BUSY_CORES);
  const cpuRatio = (pair: { before: Round[]; after: Round[] }) =>
    median(pair.after.map((one) => one.cpuUsPerRequest)) / median(pair.before.map((one) => one.cpuUsPerRequest));
  const pairRatios = pairs.map(cpuRatio);
  console.log(`${String(PAIRS)} pairs of processes × ${String(ROUNDS_PER_PAIR)} alternating rounds of ${String(SECONDS)} s, ${String(CONNECTIONS)} connections, a distinct payment per request`);
  console.log(`  before (${BEFORE}/)  ${String(before.cpuUsPerRequest)} µs CPU/request (spread ${String(before.cpuSpread)})  ${String(before.requestsPerSecond)} req/s  RSS peak ${String(before.rssPeakMb)} MiB`);
  console.log(`  after  (dist/ ${AFTER_NODE_FLAGS.join(' ') || 'no flags'})  ${String(after.cpuUsPerRequest)} µs CPU/request (spread ${String(after.cpuSpread)})  ${String(after.requestsPerSecond)} req/s  RSS peak ${String(after.rssPeakMb)} MiB`);
  console.log(`  after/before         CPU ${(after.cpuUsPerRequest / before.cpuUsPerRequest).toFixed(3)}, req/s ${(after.requestsPerSecond / before.requestsPerSecond).toFixed(3)}`);
  console.log(`  CPU after/before by pair of processes: ${pairRatios.map((ratio) => ratio.toFixed(3)).join(', ')}`);
  if (busy) console.log(`  NO VERDICT: other processes used more than ${String(BUSY_CORES)} cores during a round`);
  else if (pairRatios.every((ratio) => ratio < 1) || pairRatios.every((ratio) => ratio > 1)) console.log('  every pair moved the same way: the change is shown (its size is the median above)');
  else console.log('  the pairs disagree: no change shown');
} finally {
  stopAll(children);
}
