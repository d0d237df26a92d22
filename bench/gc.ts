/**
 * `npm run bench:gc`: what each request leaves to V8's garbage collector, for the floor, Apollo on
 * Fastify alone, and the subgraph (a distinct payment per request, and one payment for every request),
 * each under (a)'s load in its own process started with `--trace-gc-nvp`. Prints per request the bytes
 * allocated (V8's `allocated` between collections) and the bytes scavenges promoted to the old
 * generation (objects that outlived two of them), and major collections per 10,000 requests.
 *
 * Why: in a `perf` profile of (a) the collector takes ~25 µs of a distinct request's ~210, most of it
 * marking and sweeping what scavenges promoted, while the floor promotes almost nothing (README
 * "Benchmarks"). A change that keeps request objects from being promoted shows here first, without the
 * CPU noise. GC_SECONDS (default 5) of load per target after GC_WARM_UP_SECONDS (default 6);
 * GC_LATENCY_MS (default 0) for the Primer simulator; GC_CONNECTIONS (default 20); GC_TARGETS, a
 * comma list of floor, apollo, distinct, shared (default all); GC_BUILD (default `dist`), the build the
 * subgraph targets run, so one change's allocations can be read against the build before it
 * (`GC_BUILD=dist-base`, as bench:compare keeps it).
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { PROVIDER_MODULES } from '../src/providers/modules.js';
import { productionNodeFlags, startHelper, startProcess, startSubgraph, stopAll, stopNow } from './processes.js';

const SECONDS = Number(process.env['GC_SECONDS'] ?? '5');
const WARM_UP_SECONDS = Number(process.env['GC_WARM_UP_SECONDS'] ?? '6');
const CONNECTIONS = Number(process.env['GC_CONNECTIONS'] ?? '20');
const TRACE_FLAGS = [...productionNodeFlags(), '--trace-gc-nvp'];
const BUILD = process.env['GC_BUILD'] ?? 'dist';
const PAYMENT_QUERY = 'query($id: ID!) { payment(id: $id, provider: PRIMER) { id status } }';

const credentials = PROVIDER_MODULES.PRIMER.simulatedCredentials();
const children: ChildProcess[] = [];

let nextId = 0;
const distinctId = () => PROVIDER_MODULES.PRIMER.sampleIds.generated((nextId += 1));
const SHARED_ID = PROVIDER_MODULES.PRIMER.sampleIds.generated(0);

interface Target {
  readonly key: string;
  readonly name: string;
  readonly start: () => Promise<{ url: string; child: ChildProcess }>;
  readonly body: () => string;
}

/** One scavenge or mark-compact line of `--trace-gc-nvp`, the fields this bench reads. */
interface Collection {
  readonly kind: 'scavenge' | 'major';
  readonly allocated: number;
  readonly promoted: number;
}

function collectionOf(line: string): Collection | undefined {
  const kind = / gc=s /.test(line) ? 'scavenge' : / gc=mc /.test(line) ? 'major' : undefined;
  if (!kind) return undefined;
  const field = (name: string) => Number(new RegExp(` ${name}=(\\d+)`).exec(line)?.[1] ?? '0');
  return { kind, allocated: field('allocated'), promoted: field('promoted') };
}

/** Collections the child reports from now on, until `stop()`. */
function watchCollections(child: ChildProcess): { stop: () => Collection[] } {
  const seen: Collection[] = [];
  let partial = '';
  const onData = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const collection = collectionOf(line);
      if (collection) seen.push(collection);
    }
  };
  child.stdout?.on('data', onData);
  return {
    stop: () => {
      child.stdout?.off('data', onData);
      return seen;
    },
  };
}

async function load(url: string, body: () => string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url} answered ${String(result.non2xx)} non-2xx and ${String(result.errors)} errors`);
  return result.requests.total;
}

async function measure(target: Target) {
  const server = await target.start();
  children.push(server.child);
  try {
    await load(server.url, target.body, WARM_UP_SECONDS);
    const watch = watchCollections(server.child);
    const requests = await load(server.url, target.body, SECONDS);
    const collections = watch.stop();
    const scavenges = collections.filter((one) => one.kind === 'scavenge');
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return {
      requests,
      allocatedKbPerRequest: sum(scavenges.map((one) => one.allocated)) / requests / 1024,
      promotedBytesPerRequest: sum(scavenges.map((one) => one.promoted)) / requests,
      majorPer10kRequests: (collections.filter((one) => one.kind === 'major').length * 10_000) / requests,
    };
  } finally {
    children.splice(children.indexOf(server.child), 1);
    await stopNow(server.child);
  }
}

try {
  const simulator = await startProcess('bench/simulators.ts', { PROVIDER: 'PRIMER', LATENCY_MS: process.env['GC_LATENCY_MS'] ?? '0', ...credentials }, /^SIMULATOR /);
  children.push(simulator.child);
  const env = { ...credentials, ...PROVIDER_MODULES.PRIMER.simulatorTarget(simulator.line.trim().split(' ')[2]!) };
  const helper = (entry: string, label: string, helperEnv: Record<string, string>) => () => startHelper([...TRACE_FLAGS, entry], helperEnv, label);
  const targets: Target[] = [
    { key: 'floor', name: 'floor (node:http + undici)', start: helper('bench/floor.ts', 'FLOOR', env), body: () => JSON.stringify({ id: distinctId() }) },
    {
      key: 'apollo',
      name: 'Apollo on Fastify alone',
      start: helper('bench/apollo-floor.ts', 'APOLLO_FLOOR', { NODE_ENV: 'production' }),
      body: () => JSON.stringify({ query: 'query($id: ID!) { payment(id: $id) { id status } }', variables: { id: distinctId() } }),
    },
    { key: 'distinct', name: `subgraph (${BUILD}/), a distinct payment`, start: () => startSubgraph(env, `${BUILD}/src/main.js`, TRACE_FLAGS), body: () => JSON.stringify({ query: PAYMENT_QUERY, variables: { id: distinctId() } }) },
    { key: 'shared', name: `subgraph (${BUILD}/), one shared payment`, start: () => startSubgraph(env, `${BUILD}/src/main.js`, TRACE_FLAGS), body: () => JSON.stringify({ query: PAYMENT_QUERY, variables: { id: SHARED_ID } }) },
  ];
  console.log(`${String(SECONDS)} s of load per target after ${String(WARM_UP_SECONDS)} s, ${String(CONNECTIONS)} connections, Node flags ${TRACE_FLAGS.join(' ')}`);
  const chosen = new Set((process.env['GC_TARGETS'] ?? 'floor,apollo,distinct,shared').split(','));
  for (const target of targets.filter((one) => chosen.has(one.key))) {
    const result = await measure(target);
    console.log(
      `  ${target.name.padEnd(30)} ${result.allocatedKbPerRequest.toFixed(1).padStart(6)} kB allocated/request  ${Math.round(result.promotedBytesPerRequest).toString().padStart(6)} B promoted/request  ${result.majorPer10kRequests.toFixed(1).padStart(5)} major GCs per 10k requests`,
    );
  }
} finally {
  stopAll(children);
}
