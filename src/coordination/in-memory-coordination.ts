import type { Payment } from '../model/payment.js';
import { paymentKeyString, type PaymentKey, type Provider } from '../model/provider.js';
import { CallWindow } from '../resilience/call-window.js';
import type { Coordination, CoordinationHealth, DeliveryLedger, DeliveryReservation, FinalPayments } from './coordination.js';
import { InMemoryPaymentUpdates } from './payment-updates.js';
import { ReplayGuard } from './replay-guard.js';

/** Most final payments one process keeps; the oldest goes first. */
export const FINAL_PAYMENTS_CAPACITY = 10_000;

export interface CoordinationSettings {
  /** How long a final payment is kept; 0: not at all. */
  readonly finalPaymentTtlMs: number;
  /** How long a webhook delivery is remembered (twice the timestamp tolerance). */
  readonly deliveryWindowMs: number;
}

/** The embedded default: one replica, so everything it would share stays in this process. */
export class InMemoryCoordination implements Coordination {
  readonly updates = new InMemoryPaymentUpdates();
  readonly deliveries: DeliveryLedger;
  readonly finalPayments: FinalPayments | undefined;

  constructor(settings: CoordinationSettings) {
    this.deliveries = new MemoryDeliveryLedger(new ReplayGuard(settings.deliveryWindowMs));
    this.finalPayments = settings.finalPaymentTtlMs > 0 ? new MemoryFinalPayments(settings.finalPaymentTtlMs) : undefined;
  }

  budget(_provider: Provider, ratePerSecond: number): CallWindow {
    return new CallWindow(ratePerSecond);
  }

  /** One replica: the registry's single-flight has merged every identical read already. */
  sharedRead(_key: PaymentKey, _scope: unknown, read: () => Promise<Payment>): Promise<Payment> {
    return read();
  }

  health(): CoordinationHealth {
    return { engine: 'memory', connected: true };
  }

  async close(): Promise<void> {
    // Nothing held outside this process.
  }
}

export class MemoryDeliveryLedger implements DeliveryLedger {
  constructor(private readonly guard: ReplayGuard) {}

  reserve(delivery: string): Promise<DeliveryReservation> {
    return Promise.resolve(this.guard.reserve(delivery));
  }

  release(delivery: string): Promise<void> {
    this.guard.release(delivery);
    return Promise.resolve();
  }
}

/** Final payments in a map in insertion order, each until its expiry, at most `capacity` of them. */
export class MemoryFinalPayments implements FinalPayments {
  readonly #kept = new Map<string, { readonly payment: Payment; readonly until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number = FINAL_PAYMENTS_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: PaymentKey): Promise<Payment | undefined> {
    const name = paymentKeyString(key);
    const kept = this.#kept.get(name);
    if (kept && kept.until <= this.now()) this.#kept.delete(name);
    return Promise.resolve(kept && kept.until > this.now() ? kept.payment : undefined);
  }

  keep(payment: Payment): void {
    if (!payment.isFinal) return;
    const name = paymentKeyString(payment);
    this.#kept.delete(name);
    this.#kept.set(name, { payment, until: this.now() + this.ttlMs });
    for (const oldest of this.#kept.keys()) {
      if (this.#kept.size <= this.capacity) break;
      this.#kept.delete(oldest);
    }
  }

  forget(key: PaymentKey): Promise<void> {
    this.#kept.delete(paymentKeyString(key));
    return Promise.resolve();
  }

  get size(): number {
    return this.#kept.size;
  }
}
