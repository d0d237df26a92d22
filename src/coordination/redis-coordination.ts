import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { Payment } from '../model/payment.js';
import { paymentKeyString, PROVIDERS, type PaymentKey, type Provider } from '../model/provider.js';
import type { RateBudget } from '../resilience/rate-budget.js';
import { CallWindow, RATE_WINDOW_MS } from '../resilience/call-window.js';
import type { RequestScope } from '../request/request-scope.js';
import type { Secret } from '../security/secret.js';
import type { Coordination, CoordinationHealth, DeliveryLedger, DeliveryReservation, FinalPayments } from './coordination.js';
import type { CoordinationSettings } from './in-memory-coordination.js';
import { MemoryDeliveryLedger } from './in-memory-coordination.js';
import { InMemoryPaymentUpdates, type PaymentUpdates } from './payment-updates.js';
import { ReplayGuard } from './replay-guard.js';
import { PaymentSeal } from './sealed-payment.js';
import { InFlightTable } from '../request/in-flight-table.js';

export interface RedisCoordinationSettings extends CoordinationSettings {
  /** REDIS_URL; a Secret because it may carry the password. */
  readonly url: Secret;
  /** SHARED_STATE_KEY: what payments are sealed with before they reach Redis. */
  readonly sealKey: Secret;
  /** Every key and channel starts with it, so several deployments can share one Redis. */
  readonly keyPrefix: string;
  /** How many replicas share each budget: while Redis is unreachable, each keeps to its share of it. */
  readonly replicas: number;
  /** Longest a Redis command may take before the operation falls back (see FALLBACKS). */
  readonly commandTimeoutMs: number;
  readonly logger: Logger;
  readonly metrics?: ServiceMetrics;
}

/**
 * What each shared operation does while Redis does not answer: the subgraph goes on serving live
 * reads, each replica on its own, and says so (`/ready`'s sharedState, the
 * payments_shared_state_connected gauge, payments_shared_state_fallbacks_total by operation).
 */
export const FALLBACKS = {
  publish: 'delivered to this replica\'s subscribers only',
  budget: 'this replica keeps to its share: the configured rate divided by REPLICAS',
  sharedRead: 'this replica reads on its own (its single-flight still merges its own reads)',
  finalPayments: 'a miss: the payment is read live; nothing is kept',
  deliveries: 'this replica\'s own ledger of deliveries (a replay sent to another replica is not seen)',
} as const;
export type SharedOperation = keyof typeof FALLBACKS;

/**
 * CallWindow's rule in one Redis list, on Redis's own clock, so every replica draws from the same
 * slots: a call's slot is the `limit`-th slot before it plus the window, or now; the list keeps the
 * last `limit` slots. Atomic because Redis runs a script alone.
 * Returns the wait in whole milliseconds, or -1 when that is longer than the caller can afford.
 */
const TAKE_SLOT = `
local limit, window, max_wait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
-- Only the last limit slots count, also right after a deployment lowered the rate.
redis.call('LTRIM', KEYS[1], -limit, -1)
local slot = now
if redis.call('LLEN', KEYS[1]) >= limit then
  slot = math.max(now, tonumber(redis.call('LINDEX', KEYS[1], 0)) + window)
end
local wait = slot - now
if wait > max_wait then return -1 end
redis.call('RPUSH', KEYS[1], tostring(slot))
redis.call('LTRIM', KEYS[1], -limit, -1)
redis.call('PEXPIRE', KEYS[1], math.ceil(wait + window) + 1000)
return math.ceil(wait)
`;

/** Deletes the read's lock only if it is still this read's: a lock that expired may be another read's by now. */
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface ScriptCommands {
  takeSlot(key: string, limit: number, windowMs: number, maxWaitMs: number): Promise<number>;
  releaseLock(key: string, token: string): Promise<number>;
}

/** What travels on the two channels: whose replica sent it, for which payment, and the sealed state (none: the read failed). */
interface SharedMessage {
  readonly from: string;
  readonly provider: Provider;
  readonly id: string;
  readonly sealed?: string;
}

/**
 * Many replicas, one Redis: a pub/sub channel of fresh states, a window of call slots per provider, a lock
 * per payment being read (the reader publishes what it read to the others waiting), final payments
 * for a few seconds, and the webhook deliveries seen. Every payment is sealed (AES-256-GCM) before
 * it leaves the process. Commands are never queued while Redis is away: each operation falls back
 * at once (FALLBACKS), and picks Redis up again when it is back.
 */
export class RedisCoordination implements Coordination {
  readonly updates: PaymentUpdates;
  readonly deliveries: DeliveryLedger;
  readonly finalPayments: FinalPayments | undefined;
  readonly #replica = randomUUID();
  readonly #local = new InMemoryPaymentUpdates();
  /** Reads on this replica waiting for another replica's: payment key → who to hand the result to. */
  readonly #waiting = new InFlightTable<Set<(payment: Payment | undefined) => void>>();
  readonly #seal: PaymentSeal;
  readonly #channels: { readonly updates: string; readonly reads: string };
  #connected = false;

  private constructor(
    private readonly settings: RedisCoordinationSettings,
    private readonly commands: Redis,
    private readonly subscriber: Redis,
  ) {
    this.#seal = new PaymentSeal(settings.sealKey);
    this.#channels = { updates: `${settings.keyPrefix}updates`, reads: `${settings.keyPrefix}reads` };
    this.updates = {
      publish: (payment) => {
        this.#publishUpdate(payment);
      },
      subscribe: (key, listener) => this.#local.subscribe(key, listener),
    };
    this.deliveries = new RedisDeliveryLedger(this, settings.deliveryWindowMs);
    this.finalPayments = settings.finalPaymentTtlMs > 0 ? new RedisFinalPayments(this, settings.finalPaymentTtlMs) : undefined;
  }

  /**
   * Connects both connections (commands, and pub/sub, which Redis keeps apart), waiting at most
   * `connectWaitMs` for them: a Redis that is down at start does not stop the subgraph starting.
   */
  static async connect(settings: RedisCoordinationSettings, connectWaitMs = 2_000): Promise<RedisCoordination> {
    const options: RedisOptions = {
      // Never queue a command while disconnected (it would wait for Redis instead of falling back),
      // never retry one: a failed command falls back at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: settings.commandTimeoutMs,
      connectTimeout: 1_000,
      // Reconnects forever, 100 ms more each time up to 2 s: Redis is picked up again when it is back.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      // Commands of one tick go as one pipeline: a 100-ref batch is one round trip, not 100.
      enableAutoPipelining: true,
      lazyConnect: true,
    };
    const url = settings.url.reveal();
    const commands = new Redis(url, options);
    // The subscriber queues its SUBSCRIBE until connected and subscribes again after each reconnect.
    const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, enableAutoPipelining: false });
    commands.defineCommand('takeSlot', { numberOfKeys: 1, lua: TAKE_SLOT });
    commands.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
    const coordination = new RedisCoordination(settings, commands, subscriber);
    coordination.#watchConnections();
    subscriber.on('message', (channel: string, message: string) => {
      coordination.#received(channel, message);
    });
    const connecting = Promise.allSettled([commands.connect(), subscriber.connect().then(() => subscriber.subscribe(...Object.values(coordination.#channels)))]);
    await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, connectWaitMs).unref())]);
    return coordination;
  }

  get #scripts(): ScriptCommands {
    return this.commands as unknown as ScriptCommands;
  }

  health(): CoordinationHealth {
    return { engine: 'redis', connected: this.#connected };
  }

  budget(provider: Provider, ratePerSecond: number): RateBudget {
    const key = `${this.settings.keyPrefix}budget:${provider}`;
    // Alone, a share REPLICAS replicas can all take and still stay within the rate: whole calls per
    // window, or one call per as many windows as it takes when there are more replicas than calls.
    const share = Math.floor(ratePerSecond / this.settings.replicas);
    const alone = share >= 1 ? new CallWindow(share) : new CallWindow(1, RATE_WINDOW_MS * Math.ceil(this.settings.replicas / ratePerSecond));
    return {
      reserve: async (maxWaitMs) => {
        if (!this.#connected) return this.fellBack('budget', () => alone.reserve(maxWaitMs));
        try {
          const waitMs = await this.#scripts.takeSlot(key, ratePerSecond, RATE_WINDOW_MS, Math.floor(maxWaitMs));
          return waitMs < 0 ? undefined : waitMs;
        } catch {
          return this.fellBack('budget', () => alone.reserve(maxWaitMs));
        }
      },
    };
  }

  async sharedRead(key: PaymentKey, scope: RequestScope, read: () => Promise<Payment>): Promise<Payment> {
    if (!this.#connected) return this.fellBack('sharedRead', read);
    const name = paymentKeyString(key);
    // Waiting before asking for the lock: the reader's result cannot arrive before this replica listens.
    const handed = this.#awaitRead(name);
    const lockKey = `${this.settings.keyPrefix}reading:${name}`;
    const until = Date.now() + scope.remainingMs();
    const token = `${String(until)}:${this.#replica}:${randomUUID()}`;
    let holder: string | null;
    try {
      holder = await this.commands.set(lockKey, token, 'PX', Math.max(1, Math.ceil(scope.remainingMs())), 'NX', 'GET');
    } catch {
      handed.stop();
      return this.fellBack('sharedRead', read);
    }
    if (holder !== null) {
      // Another replica is reading it: its result, unless it fails or its deadline passes first.
      const holderUntil = Number(holder.split(':')[0]);
      const payment = await handed.within(Math.min(scope.remainingMs(), Math.max(0, holderUntil - Date.now())), scope);
      this.settings.metrics?.sharedReads.inc({ role: payment ? 'followed' : 'read_after_waiting' });
      return payment ?? read();
    }
    handed.stop();
    this.settings.metrics?.sharedReads.inc({ role: 'led' });
    let payment: Payment | undefined;
    try {
      payment = await read();
      return payment;
    } finally {
      this.#send(this.#channels.reads, key, payment);
      this.#scripts.releaseLock(lockKey, token).catch(() => undefined);
    }
  }

  /** Runs `alone` (the operation without Redis) and counts it. */
  fellBack<Result>(operation: SharedOperation, alone: () => Result): Result {
    this.settings.metrics?.sharedStateFallbacks.inc({ operation });
    return alone();
  }

  /** The command connection while it is up; undefined (fall back) otherwise. */
  get redis(): Redis | undefined {
    return this.#connected ? this.commands : undefined;
  }

  get keyPrefix(): string {
    return this.settings.keyPrefix;
  }

  get seal(): PaymentSeal {
    return this.#seal;
  }

  async close(): Promise<void> {
    for (const waiters of this.#waiting.values()) for (const hand of waiters) hand(undefined);
    this.commands.disconnect();
    this.subscriber.disconnect();
    await Promise.resolve();
  }

  #publishUpdate(payment: Payment): void {
    // This replica's subscribers at once; the others through Redis.
    this.#local.publish(payment);
    if (!this.#connected) {
      this.fellBack('publish', () => undefined);
      return;
    }
    this.#send(this.#channels.updates, payment, payment);
  }

  #send(channel: string, key: PaymentKey, payment: Payment | undefined): void {
    const message: SharedMessage = { from: this.#replica, provider: key.provider, id: key.id, ...(payment ? { sealed: this.#seal.seal(payment) } : {}) };
    this.commands.publish(channel, JSON.stringify(message)).catch(() => {
      this.settings.metrics?.sharedStateFallbacks.inc({ operation: 'publish' });
    });
  }

  #received(channel: string, raw: string): void {
    const forUpdates = channel === this.#channels.updates;
    // Unsealed (and unparsed) only when someone here is waiting for it.
    if (forUpdates ? this.#local.watchedPayments === 0 : this.#waiting.size === 0) return;
    const message = parseMessage(raw);
    if (!message || message.from === this.#replica) return;
    const name = paymentKeyString(message);
    const payment = message.sealed === undefined ? undefined : this.#seal.open(message, message.sealed);
    if (forUpdates) {
      if (payment) this.#local.publish(payment);
      return;
    }
    const waiters = this.#waiting.get(name);
    if (!waiters) return;
    this.#waiting.delete(name);
    for (const hand of waiters) hand(payment);
  }

  /** Listens for another replica's read of `name`: `within` waits for it (undefined: failed, timed out or cancelled). */
  #awaitRead(name: string): { within(ms: number, scope: RequestScope): Promise<Payment | undefined>; stop(): void } {
    let settle: (payment: Payment | undefined) => void = () => undefined;
    const result = new Promise<Payment | undefined>((resolve) => {
      settle = resolve;
    });
    let waiters = this.#waiting.get(name);
    if (!waiters) this.#waiting.set(name, (waiters = new Set()));
    const hand = (payment: Payment | undefined) => {
      settle(payment);
    };
    waiters.add(hand);
    const stop = () => {
      waiters.delete(hand);
      if (waiters.size === 0 && this.#waiting.get(name) === waiters) this.#waiting.delete(name);
      settle(undefined);
    };
    return {
      stop,
      within: async (ms, scope) => {
        const timer = setTimeout(stop, ms);
        const unsubscribe = scope.onCancel(stop);
        try {
          return await result;
        } finally {
          clearTimeout(timer);
          unsubscribe();
          stop();
        }
      },
    };
  }

  #watchConnections(): void {
    const { logger, metrics } = this.settings;
    const update = () => {
      const connected = this.commands.status === 'ready' && this.subscriber.status === 'ready';
      if (connected === this.#connected) return;
      this.#connected = connected;
      metrics?.sharedStateConnected.set(connected ? 1 : 0);
      if (connected) logger.info('shared state (Redis) connected: replicas share budgets, reads, updates and deliveries');
      else logger.warn({ fallbacks: FALLBACKS }, 'shared state (Redis) unreachable: each replica works alone until it is back');
    };
    metrics?.sharedStateConnected.set(0);
    for (const connection of [this.commands, this.subscriber]) {
      for (const event of ['ready', 'close', 'end', 'reconnecting'] as const) connection.on(event, update);
      // Reported through the state change above (once, not on every reconnect attempt). Never the URL.
      connection.on('error', () => undefined);
    }
  }
}

function parseMessage(raw: string): SharedMessage | undefined {
  try {
    const value = JSON.parse(raw) as Partial<SharedMessage>;
    const provider = PROVIDERS.find((name) => name === value.provider);
    if (typeof value.from !== 'string' || typeof value.id !== 'string' || !provider) return undefined;
    return { from: value.from, provider, id: value.id, ...(typeof value.sealed === 'string' ? { sealed: value.sealed } : {}) };
  } catch {
    return undefined;
  }
}

/** Deliveries seen, as keys that expire with the window: SET NX tells the first receiver from a replay. */
class RedisDeliveryLedger implements DeliveryLedger {
  readonly #alone: MemoryDeliveryLedger;

  constructor(
    private readonly shared: RedisCoordination,
    private readonly windowMs: number,
  ) {
    this.#alone = new MemoryDeliveryLedger(new ReplayGuard(windowMs));
  }

  async reserve(delivery: string): Promise<DeliveryReservation> {
    const redis = this.shared.redis;
    if (!redis) return this.shared.fellBack('deliveries', () => this.#alone.reserve(delivery));
    try {
      const set = await redis.set(this.#key(delivery), '1', 'PX', this.windowMs, 'NX');
      return set === 'OK' ? 'reserved' : 'replayed';
    } catch {
      return this.shared.fellBack('deliveries', () => this.#alone.reserve(delivery));
    }
  }

  async release(delivery: string): Promise<void> {
    await this.#alone.release(delivery);
    await this.shared.redis?.del(this.#key(delivery)).catch(() => undefined);
  }

  #key(delivery: string): string {
    return `${this.shared.keyPrefix}delivery:${delivery}`;
  }
}

/** Final payments as sealed values that expire by themselves after the TTL. */
class RedisFinalPayments implements FinalPayments {
  constructor(
    private readonly shared: RedisCoordination,
    private readonly ttlMs: number,
  ) {}

  async get(key: PaymentKey): Promise<Payment | undefined> {
    const redis = this.shared.redis;
    if (!redis) return this.shared.fellBack('finalPayments', (): Payment | undefined => undefined);
    try {
      const sealed = await redis.get(this.#key(key));
      return sealed === null ? undefined : this.shared.seal.open(key, sealed);
    } catch {
      return this.shared.fellBack('finalPayments', (): Payment | undefined => undefined);
    }
  }

  keep(payment: Payment): void {
    if (!payment.isFinal) return;
    this.shared.redis?.set(this.#key(payment), this.shared.seal.seal(payment), 'PX', this.ttlMs).catch(() => undefined);
  }

  async forget(key: PaymentKey): Promise<void> {
    const redis = this.shared.redis;
    if (!redis) return;
    await redis.del(this.#key(key)).catch(() => undefined);
  }

  #key(key: PaymentKey): string {
    return `${this.shared.keyPrefix}final:${paymentKeyString(key)}`;
  }
}
