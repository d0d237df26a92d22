import type { Payment } from '../../model/payment.js';
import type { Secret } from '../../security/secret.js';
import type { FetchOptions, ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { errorForStatus, parseJsonBody } from '../http/responses.js';
import type { HttpSettings } from '../http/settings.js';
import { guardTransform } from '../transform-guard.js';
import { transformKuikposPayment } from './transform.js';
import { kuikposPaymentSchema } from './wire.js';

export interface KuikposConnection {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly apiSecret: Secret;
}

/** `GET /api/payment/{paymentId}` with `X-API-KEY` and `X-API-SECRET` (seed 001). */
export function createKuikposAdapter(connection: KuikposConnection, http: HttpSettings): ProviderAdapter {
  const client = new JsonHttpClient('KUIKPOS', connection.baseUrl, http);
  return {
    provider: 'KUIKPOS',
    async fetchPayment(id: string, options: FetchOptions = {}): Promise<Payment> {
      const response = await client.get(
        `/api/payment/${encodePathSegment(id)}`,
        { 'x-api-key': connection.apiKey.reveal(), 'x-api-secret': connection.apiSecret.reveal() },
        options.scope,
      );
      // KuikPOS documents no error bodies; the status code alone decides (401 for bad credentials).
      if (response.status !== 200) throw errorForStatus('KUIKPOS', response);
      const wire = parseJsonBody('KUIKPOS', response, kuikposPaymentSchema);
      return guardTransform('KUIKPOS', () => transformKuikposPayment(wire, { fetchedAt: new Date() }));
    },
    close: () => client.close(),
  };
}
