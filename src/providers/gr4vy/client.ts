import type { KeyObject } from 'node:crypto';
import { RequestValue, type RequestScope } from '../../request/request-scope.js';
import type { Payment, Transaction } from '../../model/payment.js';
import type { ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { readJson, readPayment } from '../http/read-payment.js';
import type { CallSettings } from '../call-settings.js';
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

/** This request's Gr4vy bearer token, signed once for all of its Gr4vy calls. */
const BEARER_TOKEN = new RequestValue<Promise<string>>('gr4vy bearer token');

/** Refund pages read at most, at 100 refunds a page; a payment with more is not a real case. */
const MAX_REFUND_PAGES = 5;

/** `GET /transactions/{transaction_id}` — https://docs.gr4vy.com/reference/transactions/get-transaction */
export async function createGr4vyAdapter(connection: Gr4vyConnection, calls: CallSettings): Promise<ProviderAdapter> {
  const client = new JsonHttpClient('GR4VY', connection.baseUrl, calls);
  const signer = signingAhead(await createGr4vyTokenSigner(connection.privateKey, 'payments-subgraph'));

  /**
   * A freshly signed token per GraphQL request, shared by that request's Gr4vy calls: signing ES512
   * costs ~1.4 ms of CPU, so a token per call would make a 50-payment dashboard wait ~35 ms on
   * signatures alone. Tokens live 30 s, are signed one request ahead (see `signingAhead`) and are
   * never reused by another request.
   */
  async function headers(scope: RequestScope): Promise<Record<string, string>> {
    const token = await scope.once(BEARER_TOKEN, () => signer.sign());
    return {
      authorization: `Bearer ${token}`,
      ...(connection.merchantAccountId ? { 'x-gr4vy-merchant-account-id': connection.merchantAccountId } : {}),
    };
  }

  async function fetchRefunds(id: string, scope: RequestScope): Promise<Transaction[]> {
    const refunds: Transaction[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_REFUND_PAGES; page += 1) {
      const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
      const path = `/transactions/${encodePathSegment(id)}/refunds?${query.toString()}`;
      // Every refund field is essential here: a refund left out would under-report what went back.
      const { wire: body } = await readJson(client, { path, headers: await headers(scope), schema: gr4vyRefundsSchema }, scope);
      refunds.push(...body.items.map(transformGr4vyRefund));
      cursor = body.next_cursor ?? undefined;
      if (!cursor) break;
    }
    return refunds;
  }

  return {
    provider: 'GR4VY',
    idProblem: (id) => (UUID.test(id) ? undefined : 'Gr4vy transaction ids are UUIDs'),
    async fetchPayment(id, scope) {
      return readPayment(
        client,
        id,
        {
          path: `/transactions/${encodePathSegment(id)}`,
          headers: await headers(scope),
          schema: gr4vyTransactionSchema,
          essential: ['id', 'status', 'amount', 'currency'],
          answeredId: (wire) => wire.id,
          // UUIDs: the same id in either case (RFC 9562 §4: "case-insensitive on input").
          sameId: (asked, answered) => asked.toLowerCase() === answered.toLowerCase(),
          transform: transformGr4vyTransaction,
        },
        scope,
      );
    },
    async fetchTransactions(payment: Payment, scope: RequestScope): Promise<Transaction[]> {
      const refunds = await fetchRefunds(payment.id, scope);
      return [...(payment.transactions ?? []), ...refunds];
    },
    close: () => client.close(),
  };
}
