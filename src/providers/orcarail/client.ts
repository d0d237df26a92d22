import type { Payment } from '../../model/payment.js';
import type { Secret } from '../../security/secret.js';
import type { FetchOptions, ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { errorForStatus, parseJsonBody } from '../http/responses.js';
import type { HttpSettings } from '../http/settings.js';
import { guardTransform } from '../transform-guard.js';
import { transformOrcarailIntent } from './transform.js';
import { orcarailIntentBodySchema } from './wire.js';

/** The seed's and the SDK's host. */
export const ORCARAIL_PRODUCTION_URL = 'https://api.orcarail.com';

export interface OrcarailConnection {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly apiSecret: Secret;
}

/** `GET /api/v1/payment_intents/{id}` with Basic `base64(key:secret)` (seed 004, sdks-node `src/client.ts`). */
export function createOrcarailAdapter(connection: OrcarailConnection, http: HttpSettings): ProviderAdapter {
  const client = new JsonHttpClient('ORCARAIL', connection.baseUrl, http);
  const authorization = () =>
    `Basic ${Buffer.from(`${connection.apiKey.reveal()}:${connection.apiSecret.reveal()}`).toString('base64')}`;
  return {
    provider: 'ORCARAIL',
    async fetchPayment(id: string, options: FetchOptions = {}): Promise<Payment> {
      // The SDK prefixes `pi_` to ids that lack it; ids here are opaque and sent exactly as given.
      const response = await client.get(`/api/v1/payment_intents/${encodePathSegment(id)}`, { authorization: authorization() }, options.scope);
      if (response.status !== 200) throw errorForStatus('ORCARAIL', response);
      const wire = parseJsonBody('ORCARAIL', response, orcarailIntentBodySchema);
      return guardTransform('ORCARAIL', () => transformOrcarailIntent(wire, { fetchedAt: new Date() }));
    },
    close: () => client.close(),
  };
}
