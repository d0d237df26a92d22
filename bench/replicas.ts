/**
 * (f) many replicas (issue 14 point 6): three production replicas behind one real `redis-server`,
 * one Primer (a simulator, in this process so every call any replica makes is counted on one clock),
 * and checkout pages that either poll or subscribe. The same checkouts run twice:
 *
 *   polling      each page asks `payment` every 2 s (OrcaRail's own example) until it is final, each
 *                ask to the next replica, as a load balancer spreads them
 *   subscribing  each page opens `paymentUpdated` on one replica (round robin); Primer sends its
 *                webhook to replica A only, when the buyer finishes 3-D Secure
 *
 * Measured: the provider calls in every one-second window against the configured budget, the time
 * from the webhook leaving Primer to the subscriber having the new state, and the calls saved.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PROVIDER_MODULES } from '../src/providers/modules.js';
import type { Simulator } from '../src/simulation/simulator-base.js';
import { RedisServer } from '../test/helpers/redis-server.js';
import { startSubgraph } from './processes.js';
import { BUSY_CORES, openWindow } from './measure.js';

const REPLICAS = 3;
const CHECKOUTS = Number(process.env['BENCH_CHECKOUTS'] ?? '200');
/** Checkouts arrive evenly over this long. */
const ARRIVAL_SECONDS = 10;
/** How long a buyer takes over 3-D Secure: real ones take tens of seconds. */
const JOURNEY_MS = Number(process.env['BENCH_JOURNEY_MS'] ?? '20000');
const POLL_EVERY_MS = 2_000;
/** Primer's budget for all replicas together: below what the polling pages ask at their peak. */
const RATE_PER_SECOND = 60;
const TARGETS = { webhookToSubscriberP99Ms: 50 };

const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString('hex')}`;

/** Calls the provider received, sampled every few milliseconds on this process's clock. */
class CallCounter {
  readonly #samples: Array<{ at: number; calls: number }> = [];
  readonly #timer: NodeJS.Timeout;

  constructor(simulator: Simulator) {
    this.#timer = setInterval(() => {
      this.#samples.push({ at: performance.now(), calls: simulator.totalCalls });
    }, 2);
  }

  /**
   * The most calls seen in any one-second window: between two samples at least 1,000 ms and at most
   * 1,050 ms apart (the window and margin the budget keeps), so a late sample cannot stretch one.
   */
  maxPerSecond(): number {
    clearInterval(this.#timer);
    let most = 0;
    let start = 0;
    for (const sample of this.#samples) {
      while (start < this.#samples.length - 1 && sample.at - (this.#samples[start + 1]?.at ?? 0) >= 1_000) start += 1;
      const from = this.#samples[start];
      if (!from || sample.at - from.at < 1_000 || sample.at - from.at > 1_050) continue;
      most = Math.max(most, sample.calls - from.calls);
    }
    return most;
  }
}

interface Replica {
  readonly url: string;
  readonly child: ChildProcess;
}

const PAYMENT_QUERY = 'query($id: ID!) { payment(id: $id, provider: PRIMER) { id status isFinal } }';

/** One checkout page polling until its payment is final: how many asks it took. */
async function pollingPage(replicas: readonly Replica[], id: string, first: number): Promise<{ asks: number; rateLimited: number; final: boolean }> {
  let asks = 0;
  let rateLimited = 0;
  for (;;) {
    const target = replicas[(first + asks) % replicas.length]!;
    asks += 1;
    const response = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAYMENT_QUERY, variables: { id } }) });
    const body = (await response.json()) as { data?: { payment: { isFinal: boolean } | null }; errors?: Array<{ extensions?: { code?: string } }> };
    if (body.data?.payment?.isFinal) return { asks, rateLimited, final: true };
    if (body.errors?.some((error) => error.extensions?.code === 'PROVIDER_RATE_LIMITED')) rateLimited += 1;
    if (asks > 100) return { asks, rateLimited, final: false };
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
}

/**
 * One checkout page subscribed on `on` until the payment is final. Primer's webhook goes to
 * `webhooksTo` once the journey is over; the result is how long after it the page had CAPTURED
 * (undefined: the replica's own poll found it first, so no webhook latency to speak of).
 */
async function subscribingPage(on: Replica, webhooksTo: Replica, id: string): Promise<{ latencyMs: number | undefined; final: boolean }> {
  const client = createClient({ url: `${on.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  let webhookSentAt: number | undefined;
  let latencyMs: number | undefined;
  let final = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let first = true;
      client.subscribe<{ paymentUpdated: { status: string; isFinal: boolean } }>(
        { query: 'subscription($id: ID!) { paymentUpdated(id: $id, provider: PRIMER) { status isFinal } }', variables: { id } },
        {
          next: (result) => {
            const payment = result.data?.paymentUpdated;
            if (first) {
              first = false;
              // The journey began at the replica's first read, before this answer: over by then.
              setTimeout(() => {
                webhookSentAt = performance.now();
                void sendWebhook(webhooksTo, id);
              }, JOURNEY_MS + 5);
            } else if (payment?.isFinal && webhookSentAt !== undefined) {
              latencyMs = performance.now() - webhookSentAt;
            }
            if (payment?.isFinal) final = true;
          },
          error: reject,
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  return { latencyMs, final };
}

async function sendWebhook(to: Replica, id: string): Promise<void> {
  const scheme = PROVIDER_MODULES.PRIMER.webhook!;
  const { headers, body } = scheme.sign(id, WEBHOOK_SECRET, Date.now());
  const response = await fetch(`${to.url}/webhooks/primer`, { method: 'POST', headers, body });
  if (response.status !== 200) throw new Error(`Primer's webhook for ${id} was answered ${String(response.status)}`);
}

/** Starts `page(n)` for every checkout, evenly over ARRIVAL_SECONDS, and waits for all of them. */
async function arrivals<Result>(page: (n: number) => Promise<Result>): Promise<Result[]> {
  return Promise.all(
    Array.from({ length: CHECKOUTS }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, (n * ARRIVAL_SECONDS * 1_000) / CHECKOUTS));
      return page(n);
    }),
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;
}

export async function manyReplicas() {
  const credentials = PROVIDER_MODULES.PRIMER.simulatedCredentials();
  const redis = await RedisServer.start();
  const { simulator } = await PROVIDER_MODULES.PRIMER.simulate({ journeyMs: JOURNEY_MS }, credentials);
  const env = {
    ...credentials,
    ...PROVIDER_MODULES.PRIMER.simulatorTarget(simulator.url),
    PRIMER_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PRIMER_MAX_CALLS_PER_SECOND: String(RATE_PER_SECOND),
    REDIS_URL: redis.url,
    SHARED_STATE_KEY: randomBytes(32).toString('hex'),
    REPLICAS: String(REPLICAS),
  };
  const replicas = await Promise.all(Array.from({ length: REPLICAS }, () => startSubgraph(env)));
  try {
    const pids = [process.pid, ...replicas.map((one) => one.child.pid!)];

    const pollingWindow = openWindow(pids);
    const pollingCalls = new CallCounter(simulator);
    simulator.resetCounters();
    const polled = await arrivals((n) => pollingPage(replicas, `pay_journey_poll_${String(n)}`, n));
    const polling = { providerCalls: simulator.totalCalls, maxCallsPerSecond: pollingCalls.maxPerSecond(), othersCores: pollingWindow.end().othersCores };

    const subscribingWindow = openWindow(pids);
    const subscribingCalls = new CallCounter(simulator);
    simulator.resetCounters();
    const [webhooksTo] = replicas;
    const subscribed = await arrivals((n) => subscribingPage(replicas[n % REPLICAS]!, webhooksTo!, `pay_journey_sub_${String(n)}`));
    const subscribing = { providerCalls: simulator.totalCalls, maxCallsPerSecond: subscribingCalls.maxPerSecond(), othersCores: subscribingWindow.end().othersCores };

    const latencies = subscribed.flatMap((page) => (page.latencyMs === undefined ? [] : [page.latencyMs]));
    const crossReplica = subscribed.flatMap((page, n) => (page.latencyMs === undefined || n % REPLICAS === 0 ? [] : [page.latencyMs]));
    return {
      replicas: REPLICAS,
      checkouts: CHECKOUTS,
      journeyMs: JOURNEY_MS,
      ratePerSecond: RATE_PER_SECOND,
      polling: {
        ...polling,
        asks: polled.reduce((sum, page) => sum + page.asks, 0),
        rateLimitedAnswers: polled.reduce((sum, page) => sum + page.rateLimited, 0),
        finalSeen: polled.filter((page) => page.final).length,
      },
      subscribing: {
        ...subscribing,
        finalSeen: subscribed.filter((page) => page.final).length,
        foundByPollingFirst: subscribed.length - latencies.length,
        webhookToSubscriberP50Ms: percentile(latencies, 0.5),
        webhookToSubscriberP99Ms: percentile(latencies, 0.99),
        crossReplicaP99Ms: percentile(crossReplica, 0.99),
      },
      callsSaved: Number((1 - subscribing.providerCalls / polling.providerCalls).toFixed(2)),
      targets: TARGETS,
      busy: Math.max(polling.othersCores, subscribing.othersCores) > BUSY_CORES,
    };
  } finally {
    for (const one of replicas) one.child.kill('SIGTERM');
    await simulator.close();
    await redis.stop();
  }
}
