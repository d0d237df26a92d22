import type { Payment } from '../model/payment.js';
import { paymentKeyString, type PaymentKey } from '../model/provider.js';

/**
 * Where fresh states of payments meet the subscriptions waiting for them. A webhook's live read
 * publishes here, so every subscriber of that payment gets it without a read of its own.
 */
export interface PaymentUpdates {
  publish(payment: Payment): void;
  /** Calls `listener` with every state published for `key` from now on, until the returned function is called. */
  subscribe(key: PaymentKey, listener: (payment: Payment) => void): () => void;
}

/** The embedded default: one process, so publishers and subscribers meet in a map. */
export class InMemoryPaymentUpdates implements PaymentUpdates {
  readonly #listeners = new Map<string, Set<(payment: Payment) => void>>();

  publish(payment: Payment): void {
    for (const listener of this.#listeners.get(paymentKeyString(payment)) ?? []) listener(payment);
  }

  subscribe(key: PaymentKey, listener: (payment: Payment) => void): () => void {
    const name = paymentKeyString(key);
    let listeners = this.#listeners.get(name);
    if (!listeners) this.#listeners.set(name, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      // No key outlives its last subscriber: the map holds only payments someone is watching.
      if (listeners.size === 0) this.#listeners.delete(name);
    };
  }

  /** How many payments have a subscriber (tests check nothing is left behind). */
  get watchedPayments(): number {
    return this.#listeners.size;
  }
}
