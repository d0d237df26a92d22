import type { RequestScope } from '../request/request-scope.js';
import type { Payment, Transaction } from '../model/payment.js';
import type { Provider } from '../model/provider.js';

/**
 * One provider, as the loaders see it. Implementations live one folder per provider, each with the
 * same shape: client (the wire call), wire (zod schemas of the provider's bodies), transform (pure
 * wire → unified Payment) and simulator. Every call serves one GraphQL request, whose scope carries
 * its deadline, its cancellation and the values computed once for it (Gr4vy's signed token).
 */
export interface ProviderAdapter {
  readonly provider: Provider;
  /** Provider-specific id rules on top of the shared ones (e.g. Gr4vy ids are UUIDs). */
  idProblem?(id: string): string | undefined;
  /** Reads one payment. Throws `PaymentLookupError` for every expected failure. */
  fetchPayment(id: string, scope: RequestScope): Promise<Payment>;
  /**
   * For providers that keep transactions behind another endpoint (Gr4vy refunds): called only for a
   * payment its transform marked `transactionsElsewhere`, and only when a query selects
   * `transactions`. Providers that return them inline leave this out.
   */
  fetchTransactions?(payment: Payment, scope: RequestScope): Promise<Transaction[]>;
  /** Releases connection pools and channels. */
  close(): Promise<void>;
}
