import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import type { Payment } from '../model/payment.js';
import type { PaymentKey } from '../model/provider.js';
import type { PaymentUpdates } from '../coordination/payment-updates.js';
import { jittered, nextDelay, type PollPolicy } from './poll-policy.js';

export interface WatchOptions {
  /** One live read of the payment, through the loaders and the provider's resilience chain. */
  readonly read: (key: PaymentKey) => Promise<Payment>;
  readonly updates: PaymentUpdates;
  readonly policy: PollPolicy;
  /** Ends the watch (the subscriber left): a pending wait returns at once. */
  readonly signal: AbortSignal;
  readonly random?: () => number;
}

/**
 * The payment's current state, then each state that differs from the last one sent, until one is
 * final. States arrive from `updates` (a webhook's live read, on any replica) or from this watch's
 * own reads on the poll policy's schedule. A read that fails for a reason that may pass (timeout,
 * 5xx, rate limit, open circuit) is retried on the schedule; one that cannot pass ends the watch
 * with its error. Nothing is sent that a live read did not return: no state is guessed.
 */
export async function* watchPayment(key: PaymentKey, options: WatchOptions): AsyncGenerator<Payment, void, undefined> {
  const { policy, signal } = options;
  const inbox = new Inbox();
  // Subscribed before the first read, so a webhook arriving during it is not missed.
  const unsubscribe = options.updates.subscribe(key, (payment) => {
    inbox.put(payment);
  });
  try {
    let current = await options.read(key);
    yield current;
    let delay = policy.firstDelayMs;
    while (!current.isFinal && !signal.aborted) {
      const pushed = await inbox.take(jittered(policy, delay, options.random), signal);
      if (signal.aborted) return;
      let next: Payment;
      try {
        next = pushed ?? (await options.read(key));
      } catch (error) {
        if (!(error instanceof PaymentLookupError) || !error.retryable) throw error;
        delay = nextDelay(policy, delay);
        continue;
      }
      if (sameState(next, current)) {
        if (!pushed) delay = nextDelay(policy, delay);
        continue;
      }
      current = next;
      delay = policy.firstDelayMs;
      yield current;
    }
  } finally {
    unsubscribe();
  }
}

/** Two reads describe the same state when everything but the moment of reading is equal. */
export function sameState(a: Payment, b: Payment): boolean {
  return stateText(a) === stateText(b);
}

function stateText(payment: Payment): string {
  return JSON.stringify(payment, (key, value: unknown) => (key === 'fetchedAt' ? undefined : typeof value === 'bigint' ? value.toString() : value));
}

/** The latest state pushed to a watch, taken by its loop; only the newest matters, so it holds one. */
class Inbox {
  #latest: Payment | undefined;
  #wake: (() => void) | undefined;

  put(payment: Payment): void {
    this.#latest = payment;
    this.#wake?.();
  }

  /** The newest pushed state, waiting up to `ms` for one; undefined when none came in time. */
  async take(ms: number, signal: AbortSignal): Promise<Payment | undefined> {
    if (!this.#latest) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.#wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done);
        this.#wake = done;
      });
    }
    const latest = this.#latest;
    this.#latest = undefined;
    return latest;
  }
}
