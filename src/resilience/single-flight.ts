import { InFlightTable } from '../request/in-flight-table.js';
import { RequestScope } from '../request/request-scope.js';

interface Flight<T> {
  readonly promise: Promise<T>;
  readonly scope: RequestScope;
  waiters: number;
  cancelled: number;
}

/**
 * Concurrent requests for the same key share one in-flight call. Nothing is kept once the call has
 * settled: the next request reads the provider again (this is not a cache). The shared call keeps
 * the first request's values and deadline, and is cancelled only when every request waiting on it
 * has gone away.
 */
export class SingleFlight<T> {
  /** Not a Map: see InFlightTable (a Map churned per read kept finished requests alive). */
  readonly #inFlight = new InFlightTable<Flight<T>>();

  /** @param onMerge told each time a read joins a call already in flight (metrics). */
  constructor(private readonly onMerge: () => void = () => undefined) {}

  get size(): number {
    return this.#inFlight.size;
  }

  run(key: string, requester: RequestScope, call: (scope: RequestScope) => Promise<T>): Promise<T> {
    let flight = this.#inFlight.get(key);
    if (flight) this.onMerge();
    if (!flight) {
      const scope = requester.detached();
      const created: Flight<T> = {
        scope,
        waiters: 0,
        cancelled: 0,
        promise: call(scope).finally(() => {
          this.#inFlight.delete(key);
        }),
      };
      this.#inFlight.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.waiters += 1;
    const unsubscribe = requester.onCancel(() => {
      joined.cancelled += 1;
      if (joined.cancelled === joined.waiters) joined.scope.cancel();
    });
    // Once the call has settled, a later cancellation of this requester has nothing to stop.
    void joined.promise.then(unsubscribe, unsubscribe);
    return joined.promise;
  }
}
