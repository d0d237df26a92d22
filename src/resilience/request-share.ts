/**
 * One request's share of one provider's bulkhead: at most `limit` of the request's calls are in the
 * bulkhead at once (in flight or in its shared queue); the rest wait here, in the request's own
 * queue, which holds no more than the request's own keys (bounded by the refs limit). A 100-ref
 * dashboard still uses every idle slot, but it can never fill the shared queue and turn other
 * clients away with PROVIDER_OVERLOADED, and a call that arrives from another request is served
 * before this request's next one.
 */
export class RequestShare {
  #admitted = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#admitted >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#admitted += 1;
    try {
      return await task();
    } finally {
      this.#admitted -= 1;
      this.#waiting.shift()?.();
    }
  }
}
