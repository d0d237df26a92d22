/**
 * Payments that move on their own, as a buyer's would: a journey starts waiting for the buyer (3-D
 * Secure) when the simulator first hears of it, and completes `journeyMs` later. The simulator
 * answers each stage, and is told when a journey completes (to send the provider's webhook). Bounded
 * like the request log: a load of distinct ids cannot grow it without end.
 */
export class PaymentJourneys {
  static readonly MAX_TRACKED = 10_000;
  readonly #startedAt = new Map<string, number>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly journeyMs: number,
    private readonly onComplete: (id: string) => void = () => undefined,
  ) {}

  /** Where the journey of `id` stands now, starting it if this is the first time it is asked for. */
  stage(id: string): 'waiting_for_buyer' | 'completed' {
    let started = this.#startedAt.get(id);
    if (started === undefined) {
      if (this.#startedAt.size >= PaymentJourneys.MAX_TRACKED) this.#startedAt.clear();
      started = Date.now();
      this.#startedAt.set(id, started);
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.onComplete(id);
      }, this.journeyMs);
      timer.unref();
      this.#timers.add(timer);
    }
    return Date.now() - started >= this.journeyMs ? 'completed' : 'waiting_for_buyer';
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
