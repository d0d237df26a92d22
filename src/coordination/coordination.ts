import type { Payment } from '../model/payment.js';
import type { PaymentKey, Provider } from '../model/provider.js';
import type { RateBudget } from '../resilience/rate-budget.js';
import type { RequestScope } from '../request/request-scope.js';
import type { PaymentUpdates } from './payment-updates.js';

/** Whether what replicas share is shared right now: always, in memory; while Redis answers, with it. */
export interface CoordinationHealth {
  readonly engine: 'memory' | 'redis';
  /** False while Redis is unreachable: each replica then works alone (see FALLBACKS in redis-coordination.ts). */
  readonly connected: boolean;
}

/** What a webhook delivery's key is, once asked: new (now held), seen already, or not holdable right now. */
export type DeliveryReservation = 'reserved' | 'replayed' | 'full';

/** Webhook deliveries accepted recently, so that a replay is refused by whichever replica receives it. */
export interface DeliveryLedger {
  reserve(delivery: string): Promise<DeliveryReservation>;
  /** Forgets a reserved delivery whose read failed for a reason that may pass: the provider's redelivery is then read. */
  release(delivery: string): Promise<void>;
}

/**
 * Final payments kept for a short while (opt-in, FINAL_PAYMENT_CACHE_SECONDS): a final state no
 * longer changes by itself, so a second read within seconds would only cost the provider a call.
 * A webhook for the payment forgets it first, so the event's live read is always live.
 */
export interface FinalPayments {
  get(key: PaymentKey): Promise<Payment | undefined>;
  /** Keeps `payment` if it is final; anything else is never kept. */
  keep(payment: Payment): void;
  forget(key: PaymentKey): Promise<void>;
}

/**
 * What the replicas of this subgraph share. One implementation per engine: in this process (the
 * embedded default, one replica) or Redis (`REDIS_URL`, any number of replicas).
 */
export interface Coordination {
  /** Fresh states, from a webhook received by any replica, to every subscriber of the payment. */
  readonly updates: PaymentUpdates;
  readonly deliveries: DeliveryLedger;
  /** Undefined unless FINAL_PAYMENT_CACHE_SECONDS is set. */
  readonly finalPayments: FinalPayments | undefined;
  /** The provider's budget of `ratePerSecond` calls, shared by every replica. */
  budget(provider: Provider, ratePerSecond: number): RateBudget;
  /**
   * One read of `key` for every replica reading it at the same moment: the first one to ask calls
   * `read`, the others are handed its result. (Within a replica, the registry's single-flight has
   * already merged identical reads.)
   */
  sharedRead(key: PaymentKey, scope: RequestScope, read: () => Promise<Payment>): Promise<Payment>;
  health(): CoordinationHealth;
  close(): Promise<void>;
}
