import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Secret } from '../../security/secret.js';

/** One delivery to `POST /webhooks/<provider>`: its headers and its body exactly as received. */
export interface WebhookDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Why a delivery was refused, each with the HTTP status the provider is answered with. */
export enum WebhookRefusal {
  /** No signature where the scheme needs one, or none that matches: 401. */
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  /** Signed, but sent outside the tolerance around now (an old delivery replayed, or a skewed clock): 400. */
  OUTSIDE_TOLERANCE = 'OUTSIDE_TOLERANCE',
  /** Signed, but not an event of the documented shape naming a payment: 400. */
  MALFORMED = 'MALFORMED',
  /** This very delivery was already accepted: 409. */
  REPLAYED = 'REPLAYED',
}

/** A delivery whose signature verified: which payment it concerns, and what makes it unique. */
export interface VerifiedEvent {
  readonly paymentId: string;
  /** The provider's event type, for logs (`PAYMENT.STATUS`, `payment_intent.completed`). */
  readonly type: string;
  /** When the provider says it sent it, epoch ms: checked against the tolerance. */
  readonly sentAt: number;
  /** Identifies the delivery for replay detection: the signature the provider computed over it. */
  readonly deliveryKey: string;
}

export type WebhookVerdict = { readonly ok: true; readonly event: VerifiedEvent } | { readonly ok: false; readonly refusal: WebhookRefusal; readonly reason: string };

/**
 * How one provider signs the webhooks it sends: checked on every delivery before anything is read
 * from its body, and used by the provider's simulator to sign its own, so that `npm start` sends
 * what the provider would.
 */
export interface WebhookScheme {
  /** The environment variable holding the signing secret, e.g. `PRIMER_WEBHOOK_SECRET`. */
  readonly secretVariable: string;
  /** Where the provider documents the scheme, or why it is a shared secret of ours (README). */
  readonly source: string;
  verify(delivery: WebhookDelivery, secret: Secret): WebhookVerdict;
  /** A signed delivery of the provider's documented shape for `paymentId`, sent at `now`. */
  sign(paymentId: string, secret: string, now: number, resource?: unknown): { headers: Record<string, string>; body: string };
}

export function hmacSha256(secret: string, text: string | Buffer, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(text).digest(encoding);
}

/** Whether any of `candidates` is `expected`, in constant time for each (a timing leak would let one forge it byte by byte). */
export function anyMatches(expected: string, candidates: readonly (string | undefined)[]): boolean {
  const wanted = Buffer.from(expected);
  let matched = false;
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const given = Buffer.from(candidate.trim());
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) matched = true;
  }
  return matched;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

export const refuse = (refusal: WebhookRefusal, reason: string): WebhookVerdict => ({ ok: false, refusal, reason });

/** The body as JSON, or undefined: only ever called once the signature has verified. */
export function jsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
