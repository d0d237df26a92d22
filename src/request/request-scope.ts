import { randomUUID } from 'node:crypto';
import type { TraceContext } from './trace-context.js';
import { UNTRACED, type Tracer } from './tracing.js';

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

/** Where a request's cancellation is kept: shared by every scope of the same request (see `under`). */
interface Cancellation {
  cancelled: boolean;
  readonly listeners: Set<() => void>;
}

const newCancellation = (): Cancellation => ({ cancelled: false, listeners: new Set() });

/** What a scope's copies share with it: its request values always, its cancellation unless detached. */
interface SharedState {
  readonly values: Map<RequestValue<unknown>, unknown>;
  readonly cancellation: Cancellation;
}

export interface RequestScopeOptions {
  /**
   * Epoch ms by which every provider call of the request must have ended: each call's own timeout
   * is cut to what is left of it, and no retry starts past it.
   */
  readonly deadline?: number;
  /**
   * The request's id (its `x-request-id`, or one made for it): every log line of the request carries
   * it, and every provider call sends it on, so the three can be joined.
   */
  readonly requestId?: string;
  /** The span the request's work runs in; provider calls are its children. */
  readonly trace?: TraceContext;
  /** Makes the spans of the request's work (default: `UNTRACED`, ids only). */
  readonly tracer?: Tracer;
}

/**
 * One GraphQL request as the providers' calls see it: its deadline, values computed at most once
 * and shared by every call it makes, its place in the trace, and its cancellation when the client
 * goes away. Never shared across requests. It sits at the bottom of the layering
 * (docs/architecture.md): everything that serves a request may import it, and it imports nothing above.
 *
 * Cancellation is a plain listener set rather than an AbortSignal per call: AbortController,
 * EventTarget listeners and DOMExceptions per provider call showed up as several percent of CPU in
 * the throughput bench.
 */
export class RequestScope {
  readonly deadline: number;
  readonly requestId: string;
  readonly trace: TraceContext;
  readonly tracer: Tracer;
  readonly #values: Map<RequestValue<unknown>, unknown>;
  readonly #cancellation: Cancellation;

  /** @param shared only for the scope's own copies (`detached`, `under`): what they share with it. */
  constructor(options: RequestScopeOptions = {}, shared?: SharedState) {
    this.deadline = options.deadline ?? Date.now() + DEFAULT_REQUEST_DEADLINE_MS;
    this.requestId = options.requestId ?? randomUUID();
    this.tracer = options.tracer ?? UNTRACED;
    // A scope made without a trace (tests, scripts) starts one of ids only: a span recorded here would never end.
    this.trace = options.trace ?? UNTRACED.start('request', 'server', undefined).context;
    this.#values = shared?.values ?? new Map<RequestValue<unknown>, unknown>();
    this.#cancellation = shared?.cancellation ?? newCancellation();
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
    return this.#copy(this.trace, newCancellation());
  }

  /** The same request, cancellation included, with its work running in the span `trace` (a loader batch's). */
  under(trace: TraceContext): RequestScope {
    return trace === this.trace ? this : this.#copy(trace, this.#cancellation);
  }

  #copy(trace: TraceContext, cancellation: Cancellation): RequestScope {
    return new RequestScope({ deadline: this.deadline, requestId: this.requestId, trace, tracer: this.tracer }, { values: this.#values, cancellation });
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
    return this.#cancellation.cancelled;
  }

  /** Waits `ms`, or less when the request is cancelled first (a retry's backoff must not outlive its request). */
  async pause(ms: number): Promise<void> {
    if (this.cancelled || ms <= 0) return;
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
    return this.#cancellation.listeners.size;
  }

  /** Calls `listener` if the request is cancelled; the returned function unregisters it. */
  onCancel(listener: () => void): () => void {
    const { listeners } = this.#cancellation;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** The client went away: every provider call still running for this request stops. */
  cancel(): void {
    const cancellation = this.#cancellation;
    if (cancellation.cancelled) return;
    cancellation.cancelled = true;
    for (const listener of cancellation.listeners) listener();
    cancellation.listeners.clear();
  }
}
