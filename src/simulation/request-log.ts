import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  /** The HTTP path, or for gRPC the resource asked for (the transaction id). */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

const REQUEST_LOG_LIMIT = 1_000;
/**
 * Paths counted one by one; past this, the oldest path's count is dropped. A bench asks for a new
 * payment on every request: unbounded, the map grew by a million entries an hour and the simulator
 * slowed down round after round, under whichever server it was serving.
 */
const COUNTED_PATHS_LIMIT = 10_000;

/** What a simulator counts: calls per resource, the last requests (bounded) and peak concurrency. */
export class RequestLog {
  /** Ring buffer of the last REQUEST_LOG_LIMIT requests. */
  #log: RecordedRequest[] = [];
  #next = 0;
  #callsByPath = new Map<string, number>();
  #totalCalls = 0;
  #inFlight = 0;
  #maxInFlight = 0;

  /** Records a request as it starts; call the returned function when it ends. */
  start(request: RecordedRequest): () => void {
    this.#totalCalls += 1;
    this.#callsByPath.set(request.path, (this.#callsByPath.get(request.path) ?? 0) + 1);
    if (this.#callsByPath.size > COUNTED_PATHS_LIMIT) this.#callsByPath.delete(this.#callsByPath.keys().next().value!);
    if (this.#log.length < REQUEST_LOG_LIMIT) this.#log.push(request);
    else this.#log[this.#next] = request;
    this.#next = (this.#next + 1) % REQUEST_LOG_LIMIT;
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#inFlight -= 1;
    };
  }

  /** Most recent last. */
  get requests(): readonly RecordedRequest[] {
    return this.#log.length < REQUEST_LOG_LIMIT ? this.#log : [...this.#log.slice(this.#next), ...this.#log.slice(0, this.#next)];
  }

  callsTo(path: string): number {
    return this.#callsByPath.get(path) ?? 0;
  }

  get totalCalls(): number {
    return this.#totalCalls;
  }

  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  reset(): void {
    this.#log = [];
    this.#next = 0;
    this.#callsByPath.clear();
    this.#totalCalls = 0;
    this.#maxInFlight = this.#inFlight;
  }
}
