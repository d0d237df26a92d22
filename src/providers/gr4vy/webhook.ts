import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { anyMatches, header, hmacSha256, jsonBody, refuse, WebhookRefusal, type WebhookScheme } from '../webhooks/scheme.js';

/**
 * Gr4vy's webhooks, as its SDK verifies them (gr4vy-typescript `src/lib/webhooks.ts`
 * `verifyWebhook`): `X-Gr4vy-Webhook-Signatures` holds comma-separated hex HMAC-SHA256 signatures
 * of `<timestamp>.<raw body>`, `X-Gr4vy-Webhook-Timestamp` the Unix seconds they were made at. The
 * event names only its target (`target.type: transaction`, `target.id`): the state comes from a read.
 * https://docs.gr4vy.com/guides/features/webhooks/overview
 */
const gr4vyEvent = z.object({
  type: z.string(),
  id: z.string(),
  target: z.object({ type: z.literal('transaction'), id: z.string() }),
});

export const gr4vyWebhook: WebhookScheme = {
  secretVariable: 'GR4VY_WEBHOOK_SECRET',
  source: 'gr4vy-typescript verifyWebhook: X-Gr4vy-Webhook-Signatures, hex HMAC-SHA256 of "<X-Gr4vy-Webhook-Timestamp>.<body>"',
  verify({ headers, body }, secret) {
    const timestamp = header(headers, 'x-gr4vy-webhook-timestamp');
    const signatures = header(headers, 'x-gr4vy-webhook-signatures');
    if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signatures) {
      return refuse(WebhookRefusal.BAD_SIGNATURE, 'X-Gr4vy-Webhook-Signatures or X-Gr4vy-Webhook-Timestamp is missing');
    }
    const expected = hmacSha256(secret.reveal(), Buffer.concat([Buffer.from(`${timestamp}.`), body]), 'hex');
    if (!anyMatches(expected, signatures.split(','))) return refuse(WebhookRefusal.BAD_SIGNATURE, 'no X-Gr4vy-Webhook-Signatures entry matches');
    const event = gr4vyEvent.safeParse(jsonBody(body));
    if (!event.success) return refuse(WebhookRefusal.MALFORMED, 'not a Gr4vy transaction event (type, id, target)');
    return { ok: true, event: { paymentId: event.data.target.id, type: event.data.type, sentAt: Number(timestamp) * 1000, deliveryKey: expected } };
  },
  sign(paymentId, secret, now) {
    const timestamp = String(Math.floor(now / 1000));
    const body = JSON.stringify({ type: 'event', id: randomUUID(), created_at: new Date(now).toISOString(), target: { type: 'transaction', id: paymentId } });
    return {
      headers: { 'content-type': 'application/json', 'x-gr4vy-webhook-timestamp': timestamp, 'x-gr4vy-webhook-signatures': hmacSha256(secret, `${timestamp}.${body}`, 'hex') },
      body,
    };
  },
};
