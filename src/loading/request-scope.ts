/**
 * One GraphQL request as the providers' calls see it: values computed at most once and shared by
 * every call it makes (Gr4vy's signed bearer token), and its cancellation when the client goes away.
 * Never shared across requests.
 *
 * Cancellation is a plain listener set rather than an AbortSignal per call: AbortController,
 * EventTarget listeners and DOMExceptions per provider call showed up as several percent of CPU in
 * the throughput bench.
 */
export class RequestScope {
  readonly #values = new Map<string, Promise<unknown>>();
  readonly #onCancel = new Set<() => void>();
  #cancelled = false;

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
