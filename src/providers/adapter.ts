import type { RequestScope } from '../loading/request-scope.js';
import type { Payment, Transaction } from '../model/payment.js';
import type { Provider } from '../model/provider.js';

export interface FetchOptions {
  /**
   * The GraphQL request the call serves: values an adapter may compute once per request, and the
   * request's cancellation (the call stops when the client has gone away).
   */
  readonly scope?: RequestScope;
}

/**
 * One provider, as the loaders see it. Implementations live one folder per provider, each with the
 * same shape: client (the wire call), wire (zod schemas of the provider's bodies), transform (pure
 * wire → unified Payment) and simulator.
 */
export interface ProviderAdapter {
  readonly provider: Provider;
  /** Provider-specific id rules on top of the shared ones (e.g. Gr4vy ids are UUIDs). */
  idProblem?(id: string): string | undefined;
  /** Reads one payment. Throws `PaymentLookupError` for every expected failure. */
  fetchPayment(id: string, options?: FetchOptions): Promise<Payment>;
  /**
   * For providers that keep transactions behind another endpoint (Gr4vy refunds): called only when
   * a query selects `transactions`. Providers that return them inline leave this out.
   */
  fetchTransactions?(payment: Payment, options?: FetchOptions): Promise<Transaction[]>;
  /** Releases connection pools and channels. */
  close(): Promise<void>;
}
