import { ErrorCode } from '../errors/codes.js';
import { lookupError, PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { Provider } from '../model/provider.js';

export interface CircuitBreakerSettings {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long it stays open before one probe call is let through. */
  readonly openMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerSettings = { failureThreshold: 5, openMs: 5_000 };

export type CircuitState = 'closed' | 'open' | 'half_open';

/** What `settle` is told when a call returned: distinct from anything a call can throw. */
export const CALL_SUCCEEDED: unique symbol = Symbol('call succeeded');

/**
 * Failures that say the provider itself is in trouble; a missing payment, a bad id or a 429 is not
 * one, and neither is a timeout the request's own deadline caused (`endedByRequest`).
 */
const PROVIDER_FAILURES: ReadonlySet<ErrorCode> = new Set([ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.PROVIDER_TIMEOUT, ErrorCode.PROVIDER_BAD_RESPONSE]);

function countsAsFailure(error: unknown): boolean {
  return error instanceof PaymentLookupError && PROVIDER_FAILURES.has(error.code) && !error.endedByRequest;
}

/**
 * Per provider: after `failureThreshold` consecutive failures the circuit opens and calls fail at
 * once (PROVIDER_UNAVAILABLE, retryable) instead of waiting on a provider that is down; after
 * `openMs` one probe is let through (half-open): its success closes the circuit, its failure opens
 * it again. Calls to other providers are never affected.
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;

  constructor(
    readonly provider: Provider,
    private readonly settings: CircuitBreakerSettings,
    private readonly onStateChange: (state: CircuitState, provider: Provider) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.#state === 'open' && this.now() - this.#openedAt >= this.settings.openMs) return 'half_open';
    return this.#state;
  }

  /**
   * Lets a call through or fails it fast (PROVIDER_UNAVAILABLE) while the circuit is open. True
   * when the call is the half-open probe; its outcome must be told to `settle` either way.
   */
  admit(): boolean {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.#probing)) {
      throw lookupError(ErrorCode.PROVIDER_UNAVAILABLE, this.provider, { detail: 'circuit open after repeated failures; failing fast' });
    }
    const probe = state === 'half_open';
    if (probe) this.#probing = true;
    return probe;
  }

  /** An admitted call's outcome: `CALL_SUCCEEDED`, or what it threw (only provider trouble counts as a failure). */
  settle(probe: boolean, outcome: unknown): void {
    if (outcome !== CALL_SUCCEEDED && countsAsFailure(outcome)) this.#failed(probe);
    else this.#succeeded();
    if (probe) this.#probing = false;
  }

  #succeeded(): void {
    this.#failures = 0;
    this.#transition('closed');
  }

  #failed(probe: boolean): void {
    this.#failures += 1;
    if (probe || this.#failures >= this.settings.failureThreshold) {
      this.#openedAt = this.now();
      this.#transition('open', true);
    }
  }

  #transition(state: CircuitState, force = false): void {
    if (this.#state === state && !force) return;
    const changed = this.#state !== state;
    this.#state = state;
    if (changed) this.onStateChange(state, this.provider);
  }
}
