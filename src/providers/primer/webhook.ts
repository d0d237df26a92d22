import { z } from 'zod';
import { anyMatches, header, hmacSha256, jsonBody, refuse, WebhookRefusal, type WebhookScheme } from '../webhooks/scheme.js';

/**
 * Primer's webhooks (its webhooks OpenAPI, `PAYMENT.STATUS` and `PAYMENT.REFUND`): `X-Signature-Primary`
 * is the base64 HMAC-SHA256 of the raw body under the signing secret, and `X-Signature-Secondary` the
 * same under the previous secret for 24 hours after a rotation; either may match. There is no
 * timestamp header: the body's `date` ("the date-time that the webhook was sent") is the one checked.
 * https://primer.io/docs/api-reference/get-started/configure-webhooks
 */
const primerEvent = z.object({
  eventType: z.string(),
  date: z.string(),
  payment: z.object({ id: z.string() }),
});

export const primerWebhook: WebhookScheme = {
  secretVariable: 'PRIMER_WEBHOOK_SECRET',
  source: 'Primer webhooks OpenAPI: X-Signature-Primary / X-Signature-Secondary, base64 HMAC-SHA256 of the body',
  verify({ headers, body }, secret) {
    const primary = header(headers, 'x-signature-primary');
    const expected = hmacSha256(secret.reveal(), body, 'base64');
    if (!anyMatches(expected, [primary, header(headers, 'x-signature-secondary')])) {
      return refuse(WebhookRefusal.BAD_SIGNATURE, 'no X-Signature-Primary or X-Signature-Secondary matches the body');
    }
    const event = primerEvent.safeParse(jsonBody(body));
    if (!event.success) return refuse(WebhookRefusal.MALFORMED, 'not a Primer payment event (eventType, date, payment.id)');
    const sentAt = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(event.data.date) ? event.data.date : `${event.data.date}Z`);
    return { ok: true, event: { paymentId: event.data.payment.id, type: event.data.eventType, sentAt, deliveryKey: expected } };
  },
  sign(paymentId, secret, now, resource) {
    const body = JSON.stringify({
      eventType: 'PAYMENT.STATUS',
      date: new Date(now).toISOString(),
      notificationConfig: { id: '00000000-0000-4000-8000-000000000000', description: 'payments subgraph' },
      version: '2.4',
      payment: resource ?? { id: paymentId },
    });
    return { headers: { 'content-type': 'application/json', 'x-signature-primary': hmacSha256(secret, body, 'base64') }, body };
  },
};
