import type { KeyObject } from 'node:crypto';
import type { Payment, Transaction } from '../../model/payment.js';
import type { FetchOptions, ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { errorForStatus, parseJsonBody } from '../http/responses.js';
import type { HttpSettings } from '../http/settings.js';
import { guardTransform } from '../transform-guard.js';
import { createGr4vyTokenSigner, signingAhead } from './auth.js';
import { transformGr4vyRefund, transformGr4vyTransaction } from './transform.js';
import { gr4vyRefundsSchema, gr4vyTransactionSchema } from './wire.js';

export type Gr4vyEnvironment = 'sandbox' | 'production';

export interface Gr4vyConnection {
  readonly baseUrl: string;
  readonly privateKey: KeyObject;
  readonly merchantAccountId?: string;
}

/** The instance host the SDKs use (gr4vy-typescript `src/lib/config.ts`). */
export function gr4vyBaseUrl(gr4vyId: string, environment: Gr4vyEnvironment): string {
  return `https://api.${environment === 'sandbox' ? 'sandbox.' : ''}${gr4vyId}.gr4vy.app`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refund pages read at most, at 100 refunds a page; a payment with more is not a real case. */
const MAX_REFUND_PAGES = 5;

/** `GET /transactions/{transaction_id}` — https://docs.gr4vy.com/reference/transactions/get-transaction */
export async function createGr4vyAdapter(connection: Gr4vyConnection, http: HttpSettings): Promise<ProviderAdapter> {
  const client = new JsonHttpClient('GR4VY', connection.baseUrl, http);
  const signer = signingAhead(await createGr4vyTokenSigner(connection.privateKey, 'payments-subgraph'));

  /**
   * A freshly signed token per GraphQL request, shared by that request's Gr4vy calls: signing ES512
   * costs ~1.4 ms of CPU, so a token per call would make a 50-payment dashboard wait ~35 ms on
   * signatures alone. Tokens live 30 s, are signed one request ahead (see `signingAhead`) and are
   * never reused by another request.
   */
  async function headers(options: FetchOptions): Promise<Record<string, string>> {
    const token = await (options.scope ? options.scope.once('gr4vy:bearer', () => signer.sign()) : signer.sign());
    return {
      authorization: `Bearer ${token}`,
      ...(connection.merchantAccountId ? { 'x-gr4vy-merchant-account-id': connection.merchantAccountId } : {}),
    };
  }

  async function fetchRefunds(id: string, options: FetchOptions): Promise<Transaction[]> {
    const refunds: Transaction[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_REFUND_PAGES; page += 1) {
      const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
      const response = await client.get(`/transactions/${encodePathSegment(id)}/refunds?${query.toString()}`, await headers(options), options.scope);
      if (response.status !== 200) throw errorForStatus('GR4VY', response);
      const body = parseJsonBody('GR4VY', response, gr4vyRefundsSchema);
      refunds.push(...guardTransform('GR4VY', () => body.items.map(transformGr4vyRefund)));
      cursor = body.next_cursor ?? undefined;
      if (!cursor) break;
    }
    return refunds;
  }

  return {
    provider: 'GR4VY',
    idProblem: (id) => (UUID.test(id) ? undefined : 'Gr4vy transaction ids are UUIDs'),
    async fetchPayment(id: string, options: FetchOptions = {}): Promise<Payment> {
      const response = await client.get(`/transactions/${encodePathSegment(id)}`, await headers(options), options.scope);
      if (response.status !== 200) throw errorForStatus('GR4VY', response);
      const wire = parseJsonBody('GR4VY', response, gr4vyTransactionSchema);
      return guardTransform('GR4VY', () => transformGr4vyTransaction(wire, { fetchedAt: new Date() }));
    },
    async fetchTransactions(payment: Payment, options: FetchOptions = {}): Promise<Transaction[]> {
      const refunds = await fetchRefunds(payment.id, options);
      return [...(payment.transactions ?? []), ...refunds];
    },
    close: () => client.close(),
  };
}
