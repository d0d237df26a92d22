import type { IncomingHttpHeaders } from 'node:http';
import { RequestLog, type RecordedRequest } from './request-log.js';

export interface SimulatorKnobs {
  /**
   * The provider's response time: each answer leaves this long after its request arrived (or as
   * soon as it is ready, if working it out took longer). The simulator works out the answer first
   * and then waits the rest, as a provider's many servers would: a burst of requests does not queue
   * the simulator's own CPU behind the wait and show it as provider latency.
   */
  latencyMs: number;
  /** Share of requests (0..1) answered with the provider's own server error instead of the real answer. */
  errorRate: number;
  /** Share of requests (0..1) that stall and never finish. */
  stallRate: number;
  /** How long a journey payment (see PaymentJourneys) waits for its buyer before it completes. */
  journeyMs: number;
}

/** Long enough to watch a subscription wait, short enough not to bore anyone trying it. */
export const DEFAULT_JOURNEY_MS = 8_000;

/** What tests, benches and the registry see of any simulator, HTTP or gRPC. */
export interface Simulator {
  readonly name: string;
  /** Where it listens: a base URL for HTTP, `host:port` for gRPC. */
  readonly url: string;
  readonly knobs: SimulatorKnobs;
  readonly requests: readonly RecordedRequest[];
  readonly totalCalls: number;
  readonly maxInFlight: number;
  /** Calls for one resource: the path for HTTP, the transaction id for gRPC. */
  callsTo(resource: string): number;
  resetCounters(): void;
  /**
   * Where the simulator sends the provider's signed webhooks (`<url>/webhooks/<provider>`), for
   * simulators of providers that send them; until called, it sends none.
   */
  sendWebhooksTo(url: string, secret: string): void;
  close(): Promise<void>;
}

/** A fault the knobs inject into a request, before the provider's own logic sees it. */
export type InjectedFault = 'server_error' | 'stall';

/**
 * What every simulator shares, whatever it speaks: the knobs, the request log and its counters, and
 * the roll of the dice that injects errors and stalls at the knobs' rates. HTTP and gRPC simulators
 * differ only in how they listen and how they render an answer.
 */
export abstract class SimulatorBase implements Simulator {
  readonly knobs: SimulatorKnobs;
  readonly #log = new RequestLog();

  protected constructor(
    readonly name: string,
    knobs: Partial<SimulatorKnobs>,
  ) {
    this.knobs = { latencyMs: 0, errorRate: 0, stallRate: 0, journeyMs: DEFAULT_JOURNEY_MS, ...knobs };
  }

  abstract get url(): string;
  abstract close(): Promise<void>;

  /** Requests received, most recent last (bounded). */
  get requests(): readonly RecordedRequest[] {
    return this.#log.requests;
  }

  get totalCalls(): number {
    return this.#log.totalCalls;
  }

  /** The most requests this simulator was serving at once since the last reset. */
  get maxInFlight(): number {
    return this.#log.maxInFlight;
  }

  /** How many requests reached `resource` (an HTTP path as sent on the wire, a gRPC transaction id) since the last reset. */
  callsTo(resource: string): number {
    return this.#log.callsTo(resource);
  }

  resetCounters(): void {
    this.#log.reset();
  }

  abstract sendWebhooksTo(url: string, secret: string): void;

  /** Records a request as it starts; call the returned function when it ends. */
  protected record(method: string, resource: string, headers: IncomingHttpHeaders): () => void {
    return this.#log.start({ method, path: resource, headers });
  }

  /** The fault the knobs inject into this request, if any. */
  protected injectedFault(): InjectedFault | undefined {
    const roll = Math.random();
    if (roll < this.knobs.errorRate) return 'server_error';
    if (roll < this.knobs.errorRate + this.knobs.stallRate) return 'stall';
    return undefined;
  }
}
