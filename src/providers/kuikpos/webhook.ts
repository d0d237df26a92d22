import { z } from 'zod';
import { anyMatches, header, hmacSha256, jsonBody, refuse, WebhookRefusal, type WebhookScheme } from '../webhooks/scheme.js';

/**
 * KuikPOS documents no webhook signature (its pages only say to query the payment when a
 * notification did not arrive), so its notifications are relayed to this subgraph signed with a
 * shared secret of ours, the same way as Gr4vy's: `X-KuikPOS-Signature` is the hex HMAC-SHA256 of
 * `<X-KuikPOS-Timestamp>.<raw body>`, the timestamp in Unix seconds, and the body
 * `{ "type": …, "paymentId": … }`. The README says so.
 */
const kuikposEvent = z.object({ type: z.string(), paymentId: z.string() });

export const kuikposWebhook: WebhookScheme = {
  secretVariable: 'KUIKPOS_WEBHOOK_SECRET',
  source: 'none documented: a shared secret of ours, X-KuikPOS-Signature = hex HMAC-SHA256 of "<X-KuikPOS-Timestamp>.<body>"',
  verify({ headers, body }, secret) {
    const timestamp = header(headers, 'x-kuikpos-timestamp');
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return refuse(WebhookRefusal.BAD_SIGNATURE, 'X-KuikPOS-Timestamp is missing');
    const expected = hmacSha256(secret.reveal(), Buffer.concat([Buffer.from(`${timestamp}.`), body]), 'hex');
    if (!anyMatches(expected, [header(headers, 'x-kuikpos-signature')])) return refuse(WebhookRefusal.BAD_SIGNATURE, 'X-KuikPOS-Signature does not match');
    const event = kuikposEvent.safeParse(jsonBody(body));
    if (!event.success) return refuse(WebhookRefusal.MALFORMED, 'not a KuikPOS payment event (type, paymentId)');
    return { ok: true, event: { paymentId: event.data.paymentId, type: event.data.type, sentAt: Number(timestamp) * 1000, deliveryKey: expected } };
  },
  sign(paymentId, secret, now) {
    const timestamp = String(Math.floor(now / 1000));
    const body = JSON.stringify({ type: 'payment.updated', paymentId });
    return {
      headers: { 'content-type': 'application/json', 'x-kuikpos-timestamp': timestamp, 'x-kuikpos-signature': hmacSha256(secret, `${timestamp}.${body}`, 'hex') },
      body,
    };
  },
};
