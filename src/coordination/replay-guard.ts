/**
 * Which webhook deliveries were already accepted, for as long as a replay of them could still pass
 * the timestamp tolerance: after that the tolerance refuses them by itself. A delivery is reserved
 * while its live read runs, so that two copies arriving together are not both accepted; one whose
 * read failed for a reason that may pass is released, so the provider's redelivery is not refused.
 */
export class ReplayGuard {
  /** Delivery key → epoch ms until which it counts as seen, in insertion (so expiry) order. */
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    /** Most deliveries held at once: beyond it deliveries are turned away (503), never forgotten early. */
    private readonly capacity: number = 100_000,
  ) {}

  /** 'reserved' for a new delivery, 'replayed' for one already seen, 'full' when none can be held. */
  reserve(key: string, now: number = Date.now()): 'reserved' | 'replayed' | 'full' {
    this.#sweep(now);
    const until = this.#seen.get(key);
    if (until !== undefined && until > now) return 'replayed';
    if (this.#seen.size >= this.capacity) return 'full';
    this.#seen.set(key, now + this.windowMs);
    return 'reserved';
  }

  release(key: string): void {
    this.#seen.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, until] of this.#seen) {
      if (until > now) return;
      this.#seen.delete(key);
    }
  }
}
