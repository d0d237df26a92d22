import type { Secret } from '../../security/secret.js';
import type { ProviderAdapter } from '../adapter.js';
import { encodePathSegment, JsonHttpClient } from '../http/json-http-client.js';
import { readPayment } from '../http/read-payment.js';
import { tokenIdProblem } from '../id-characters.js';
import type { CallSettings } from '../call-settings.js';
import { transformOrcarailIntent } from './transform.js';
import { camelCaseKeys, orcarailIntentSchema } from './wire.js';

/** The seed's and the SDK's host. */
export const ORCARAIL_PRODUCTION_URL = 'https://api.orcarail.com';

export interface OrcarailConnection {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly apiSecret: Secret;
}

/** `GET /api/v1/payment_intents/{id}` with Basic `base64(key:secret)` (seed 004, sdks-node `src/client.ts`). */
export function createOrcarailAdapter(connection: OrcarailConnection, calls: CallSettings): ProviderAdapter {
  const client = new JsonHttpClient('ORCARAIL', connection.baseUrl, calls);
  const authorization = () =>
    `Basic ${Buffer.from(`${connection.apiKey.reveal()}:${connection.apiSecret.reveal()}`).toString('base64')}`;
  return {
    provider: 'ORCARAIL',
    idProblem: tokenIdProblem,
    fetchPayment: (id, scope) =>
      readPayment(
        client,
        id,
        {
          // The SDK prefixes `pi_` to ids that lack it; ids here are opaque and sent exactly as given.
          path: `/api/v1/payment_intents/${encodePathSegment(id)}`,
          headers: { authorization: authorization() },
          schema: orcarailIntentSchema,
          essential: ['id', 'status', 'amount', 'currency'],
          prepare: camelCaseKeys,
          answeredId: (wire) => wire.id,
          transform: transformOrcarailIntent,
        },
        scope,
      ),
    close: () => client.close(),
  };
}
