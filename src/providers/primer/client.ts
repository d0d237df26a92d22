import { ErrorCode } from '../../errors/codes.js';
import { lookupError } from '../../errors/payment-lookup-error.js';
import type { Secret } from '../../security/secret.js';
import type { ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient, type HttpResponse } from '../http/json-http-client.js';
import { readPayment } from '../http/read-payment.js';
import { tokenIdProblem } from '../id-characters.js';
import { tryParseJsonBody } from '../http/responses.js';
import type { CallSettings } from '../call-settings.js';
import { transformPrimerPayment } from './transform.js';
import { primerErrorSchema, primerPaymentSchema } from './wire.js';

/** Primer's spec: "X-API-VERSION … must be set to 2.4"; without it Primer answers as its earliest version. */
export const PRIMER_API_VERSION = '2.4';

/** Primer's hosts (spec `servers`): production, and sandbox for test accounts. */
export const PRIMER_PRODUCTION_URL = 'https://api.primer.io';

export interface PrimerConnection {
  readonly baseUrl: string;
  readonly apiKey: Secret;
}

/** `GET /payments/{id}` — https://primer.io/docs/api/v2.4/api-reference/payments-api/get-a-payment */
export function createPrimerAdapter(connection: PrimerConnection, calls: CallSettings): ProviderAdapter {
  const client = new JsonHttpClient('PRIMER', connection.baseUrl, calls);
  return {
    provider: 'PRIMER',
    idProblem: tokenIdProblem,
    fetchPayment: (id, scope) =>
      readPayment(
        client,
        id,
        {
          path: `/payments/${encodePathSegment(id)}`,
          headers: { 'x-api-key': connection.apiKey.reveal(), 'x-api-version': PRIMER_API_VERSION },
          schema: primerPaymentSchema,
          essential: ['id', 'status', 'amount', 'currencyCode'],
          documentedError: primerNotFound,
          answeredId: (wire) => wire.id,
          transform: transformPrimerPayment,
        },
        scope,
      ),
    close: () => client.close(),
  };
}

/** Primer documents "not found" for GET /payments/{id} as HTTP 400 with `errorId: PaymentError`. */
function primerNotFound(response: HttpResponse) {
  if (response.status !== 400) return undefined;
  const body = tryParseJsonBody(response, primerErrorSchema);
  return body?.error.errorId === 'PaymentError' ? lookupError(ErrorCode.PAYMENT_NOT_FOUND, 'PRIMER', { upstreamStatus: 400 }) : undefined;
}
