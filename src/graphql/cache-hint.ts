import type { Payment } from '../model/payment.js';

/**
 * What one response may tell a gateway's cache (Apollo Router's entity cache and Hive Gateway's
 * response cache read the subgraph's `Cache-Control`). Only a response made entirely of final
 * payments, with no error, may be kept at all, and then only for the operator's opt-in max-age:
 * a final payment can still be refunded (`isFinal`), so the age bounds how stale a refund may look.
 * A response that resolved a field behind `@authenticated`/`@requiresScopes` is `private`: it must
 * never be served from a cache shared between callers. Everything else is `no-store`.
 */
export class ResponseCacheHint {
  #payments = 0;
  #allFinal = true;
  #personal = false;

  sawPayment(payment: Payment): void {
    this.#payments += 1;
    if (!payment.isFinal) this.#allFinal = false;
  }

  sawProtectedField(): void {
    this.#personal = true;
  }

  cacheControl(maxAgeSeconds: number, hadErrors: boolean): string {
    if (maxAgeSeconds <= 0 || hadErrors || this.#payments === 0 || !this.#allFinal) return 'no-store';
    return `${this.#personal ? 'private' : 'public'}, max-age=${String(maxAgeSeconds)}`;
  }
}
