import type { Secret } from '../../security/secret.js';
import type { ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { readPayment } from '../http/read-payment.js';
import { tokenIdProblem } from '../id-characters.js';
import type { CallSettings } from '../call-settings.js';
import { transformKuikposPayment } from './transform.js';
import { kuikposPaymentSchema } from './wire.js';

export interface KuikposConnection {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly apiSecret: Secret;
}

/**
 * `GET /api/payment/{paymentId}` with `X-API-KEY` and `X-API-SECRET` (seed 001). KuikPOS documents
 * no error bodies: the status code alone decides (401 for bad credentials).
 */
export function createKuikposAdapter(connection: KuikposConnection, calls: CallSettings): ProviderAdapter {
  const client = new JsonHttpClient('KUIKPOS', connection.baseUrl, calls);
  return {
    provider: 'KUIKPOS',
    idProblem: tokenIdProblem,
    fetchPayment: (id, scope) =>
      readPayment(
        client,
        id,
        {
          path: `/api/payment/${encodePathSegment(id)}`,
          headers: { 'x-api-key': connection.apiKey.reveal(), 'x-api-secret': connection.apiSecret.reveal() },
          schema: kuikposPaymentSchema,
          essential: ['paymentId', 'status', 'amount', 'currency'],
          answeredId: (wire) => wire.paymentId,
          transform: transformKuikposPayment,
        },
        scope,
      ),
    close: () => client.close(),
  };
}
