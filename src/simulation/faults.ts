import { assertNever } from '../model/exhaustive.js';
import type { SimulatedOutcome, SimulatedResponse } from './http-simulator.js';

/**
 * Failure classes every simulator can be asked for through a well-known payment id, so tests and
 * people can reproduce each one on demand. Each provider renders them in its own wire format.
 */
export const FAULT_NAMES = [
  'unauthorized',
  'rate_limited',
  'server_error',
  'bad_gateway',
  'gateway_timeout',
  'garbage',
  'wrong_shape',
  'truncated',
  'stall',
  'reset',
  'oversized',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/**
 * A provider's fault ids, all derived from FAULT_NAMES by the provider's id format (Gr4vy's ids must
 * be UUIDs, the others take a prefix), so no provider keeps a hand-written table.
 */
export class FaultIds {
  readonly #faults: ReadonlyMap<string, FaultName>;

  constructor(private readonly format: (fault: FaultName, position: number) => string) {
    this.#faults = new Map(FAULT_NAMES.map((fault, index) => [format(fault, index + 1), fault]));
  }

  /** The fault an id asks for, if any (own entries only: `toString` asks for nothing). */
  faultFor(id: string): FaultName | undefined {
    return this.#faults.get(id);
  }

  idFor(fault: FaultName): string {
    return this.format(fault, FAULT_NAMES.indexOf(fault) + 1);
  }
}

/** The Retry-After a simulated 429 sends, in seconds. */
export const SIMULATED_RETRY_AFTER_SECONDS = 2;

export interface ProviderErrorRenderer {
  /** The provider's documented error body for an HTTP status. */
  errorResponse(status: number): SimulatedResponse;
}

export function faultOutcome(fault: FaultName, provider: ProviderErrorRenderer): SimulatedOutcome {
  switch (fault) {
    case 'unauthorized':
      return provider.errorResponse(401);
    case 'rate_limited': {
      const response = provider.errorResponse(429);
      return { ...response, headers: { ...response.headers, 'retry-after': String(SIMULATED_RETRY_AFTER_SECONDS) } };
    }
    case 'server_error':
      return provider.errorResponse(500);
    case 'bad_gateway':
      return provider.errorResponse(502);
    case 'gateway_timeout':
      return provider.errorResponse(504);
    case 'wrong_shape':
      return { status: 200, body: { id: 42, status: ['not', 'a', 'status'] } };
    case 'oversized':
      return { status: 200, body: { id: 'oversized', padding: 'x'.repeat(2 * 1024 * 1024) } };
    case 'garbage':
    case 'truncated':
    case 'stall':
    case 'reset':
      return { fault };
    default:
      return assertNever(fault);
  }
}
