/**
 * One GraphQL request as the providers' calls see it: values computed at most once and shared by
 * every call it makes (Gr4vy's signed bearer token), and its cancellation when the client goes away.
 * Never shared across requests.
 *
 * Cancellation is a plain listener set rather than an AbortSignal per call: AbortController,
 * EventTarget listeners and DOMExceptions per provider call showed up as several percent of CPU in
 * the throughput bench.
 */
/** The default whole-request budget: well below a gateway's usual subgraph timeout (Apollo Router: 30 s). */
export const DEFAULT_REQUEST_DEADLINE_MS = 8_000;

export class RequestScope {
  readonly #values: Map<string, Promise<unknown>>;
  readonly #onCancel = new Set<() => void>();
  #cancelled = false;

  /**
   * @param deadline epoch ms by which every provider call of the request must have ended: each
   * call's own timeout is cut to what is left of it, and no retry starts past it.
   */
  constructor(
    readonly deadline: number = Date.now() + DEFAULT_REQUEST_DEADLINE_MS,
    values: Map<string, Promise<unknown>> = new Map(),
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
    return new RequestScope(this.deadline, this.#values);
  }

  once<T>(key: string, create: () => Promise<T>): Promise<T> {
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
