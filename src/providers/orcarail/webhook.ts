import { z } from 'zod';
import { anyMatches, header, hmacSha256, jsonBody, refuse, WebhookRefusal, type WebhookScheme } from '../webhooks/scheme.js';

/**
 * OrcaRail's webhooks, as its SDK verifies them (OrcaRail/sdks-node `src/webhooks.ts`):
 * `x-webhook-signature` is the hex HMAC-SHA256 of the raw body under the webhook secret; the event is
 * `{ type, data: { object: PaymentIntent }, created }` with `created` in Unix seconds (`src/types.ts`).
 */
const orcarailEvent = z.object({
  type: z.string(),
  data: z.object({ object: z.object({ id: z.string() }) }),
  created: z.number().int().nonnegative(),
});

export const orcarailWebhook: WebhookScheme = {
  secretVariable: 'ORCARAIL_WEBHOOK_SECRET',
  source: 'OrcaRail sdks-node Webhooks.verifySignature: x-webhook-signature, hex HMAC-SHA256 of the body',
  verify({ headers, body }, secret) {
    const expected = hmacSha256(secret.reveal(), body, 'hex');
    if (!anyMatches(expected, [header(headers, 'x-webhook-signature')])) return refuse(WebhookRefusal.BAD_SIGNATURE, 'x-webhook-signature does not match the body');
    const event = orcarailEvent.safeParse(jsonBody(body));
    if (!event.success) return refuse(WebhookRefusal.MALFORMED, 'not an OrcaRail payment intent event (type, data.object.id, created)');
    return { ok: true, event: { paymentId: event.data.data.object.id, type: event.data.type, sentAt: event.data.created * 1000, deliveryKey: expected } };
  },
  sign(paymentId, secret, now, resource) {
    const body = JSON.stringify({ type: 'payment_intent.completed', data: { object: resource ?? { id: paymentId } }, created: Math.floor(now / 1000) });
    return { headers: { 'content-type': 'application/json', 'x-webhook-signature': hmacSha256(secret, body, 'hex') }, body };
  },
};
