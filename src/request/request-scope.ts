import { randomUUID } from 'node:crypto';
import { traceContextFrom, type TraceContext } from './trace-context.js';

/** The default whole-request budget: well below a gateway's usual subgraph timeout (Apollo Router: 30 s). */
export const DEFAULT_REQUEST_DEADLINE_MS = 8_000;

/**
 * A value computed at most once per request, e.g. Gr4vy's signed bearer token. The key is an object,
 * not a string: two modules can never collide on a name, and `once` knows the value's type.
 */
export class RequestValue<T> {
  /** Only for logs and debugging; identity is the object itself. */
  constructor(readonly name: string) {}

  /** Phantom member so that RequestValue<A> and RequestValue<B> are different types. */
  declare readonly type?: T;
}

/**
 * One GraphQL request as the providers' calls see it: its deadline, values computed at most once
 * and shared by every call it makes, and its cancellation when the client goes away. Never shared
 * across requests. It sits at the bottom of the layering (docs/architecture.md): everything that
 * serves a request may import it, and it imports nothing.
 *
 * Cancellation is a plain listener set rather than an AbortSignal per call: AbortController,
 * EventTarget listeners and DOMExceptions per provider call showed up as several percent of CPU in
 * the throughput bench.
 */
export class RequestScope {
  readonly #values: Map<RequestValue<unknown>, unknown>;
  readonly #onCancel = new Set<() => void>();
  #cancelled = false;

  /**
   * @param deadline epoch ms by which every provider call of the request must have ended: each
   * call's own timeout is cut to what is left of it, and no retry starts past it.
   */
  /**
   * @param requestId the request's id (its `x-request-id`, or one made for it): every log line of the
   * request carries it, and every provider call sends it on, so the three can be joined.
   */
  constructor(
    readonly deadline: number = Date.now() + DEFAULT_REQUEST_DEADLINE_MS,
    values: Map<RequestValue<unknown>, unknown> = new Map(),
    readonly requestId: string = randomUUID(),
    /** The request's place in its distributed trace; provider calls continue it. */
    readonly trace: TraceContext = traceContextFrom(undefined, undefined),
  ) {
    this.#values = values;
  }

  /** Milliseconds left before the deadline (0 when passed). */
  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.deadline - now);
  }

  /**
   * The same request values and deadline, without its cancellation: for a provider call shared
   * with other requests (single-flight), which must not stop because its first requester left.
   */
  detached(): RequestScope {
    return new RequestScope(this.deadline, this.#values, this.requestId, this.trace);
  }

  /** A value made once per request and shared by all its calls (a per-provider share, a cache of one request). */
  local<T>(key: RequestValue<T>, create: () => T): T {
    if (!this.#values.has(key)) this.#values.set(key, create());
    return this.#values.get(key) as T;
  }

  once<T>(key: RequestValue<Promise<T>>, create: () => Promise<T>): Promise<T> {
    let value = this.#values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = create();
      this.#values.set(key, value);
      // A failed computation is not kept: the next call tries again.
      value.catch(() => this.#values.delete(key));
    }
    return value;
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Waits `ms`, or less when the request is cancelled first (a retry's backoff must not outlive its request). */
  async pause(ms: number): Promise<void> {
    if (this.#cancelled || ms <= 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unsubscribe = this.onCancel(done);
    });
  }

  /** Cancellation listeners still registered: a long request (a 100-ref dashboard) must not collect finished calls' listeners. */
  get cancelListeners(): number {
    return this.#onCancel.size;
  }

  /** Calls `listener` if the request is cancelled; the returned function unregisters it. */
  onCancel(listener: () => void): () => void {
    this.#onCancel.add(listener);
    return () => this.#onCancel.delete(listener);
  }

  /** The client went away: every provider call still running for this request stops. */
  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    for (const listener of this.#onCancel) listener();
    this.#onCancel.clear();
  }
}
