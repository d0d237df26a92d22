import type { FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { PaymentLookupError } from '../errors/payment-lookup-error.js';
import { createPaymentLoaders, type DispatchedBatch } from '../loading/payment-loaders.js';
import type { ProviderRegistry } from '../loading/provider-registry.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { PROVIDERS, type Provider } from '../model/provider.js';
import { assertNever } from '../model/exhaustive.js';
import { WebhookRefusal } from '../providers/webhooks/scheme.js';
import { RequestScope } from '../request/request-scope.js';
import type { Tracer } from '../request/tracing.js';

/** How far a delivery's own timestamp may be from now, either way (Stripe's and Gr4vy's SDKs' default, 5 minutes). */
export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;

/** Provider events are a few kilobytes (Primer's carries the whole payment); nothing legitimate comes near this. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookRouteOptions {
  readonly registry: ProviderRegistry;
  readonly logger: Logger;
  readonly requestDeadlineMs: number;
  readonly tracer: Tracer;
  readonly onBatch: (batch: DispatchedBatch) => void;
  readonly metrics?: ServiceMetrics;
}

type Outcome = WebhookRefusal | 'PUBLISHED' | 'READ_FAILED';

/**
 * `POST /webhooks/<provider>`. A delivery is believed only after its signature verifies under the
 * provider's scheme and secret, its timestamp is within the tolerance and it was not accepted
 * before. Even then its body is not taken as the payment's state: the payment is read live, through
 * the same loaders, resilience chain and transform as a query, and that state is published to the
 * subscriptions. So a payment is never shown in a state its provider's API did not return, whatever
 * an event says, and events that arrive late or out of order cannot move a payment backwards.
 */
export async function registerWebhookRoutes(http: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, options: WebhookRouteOptions): Promise<void> {
  const { registry, logger } = options;
  const { deliveries } = registry.coordination;

  await http.register((routes, _opts, done) => {
    // The signature is over the exact bytes sent: the body must reach the scheme unparsed.
    routes.removeAllContentTypeParsers();
    routes.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, parsed) => {
      parsed(null, body);
    });

    routes.post<{ Params: { provider: string } }>('/webhooks/:provider', async (request, reply) => {
      const provider = PROVIDERS.find((name) => name.toLowerCase() === request.params.provider);
      const webhook = provider ? registry.get(provider)?.webhook : undefined;
      if (!provider || !webhook) return reply.code(404).send({ error: 'no webhooks are received for this provider here' });
      const answer = (outcome: Outcome, status: number, body: Record<string, unknown>) => {
        options.metrics?.webhooks.inc({ provider, outcome });
        if (outcome !== 'PUBLISHED') logger.info({ provider, outcome, reason: body['error'] }, 'webhook refused');
        return reply.code(status).send(body);
      };

      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = webhook.scheme.verify({ headers: request.headers, body }, webhook.secret);
      if (!verdict.ok) return answer(verdict.refusal, statusFor(verdict.refusal), { error: verdict.reason });
      const { event } = verdict;
      if (!(Math.abs(Date.now() - event.sentAt) <= WEBHOOK_TOLERANCE_MS)) {
        return answer(WebhookRefusal.OUTSIDE_TOLERANCE, statusFor(WebhookRefusal.OUTSIDE_TOLERANCE), { error: 'the delivery was sent more than 5 minutes from now' });
      }
      const delivery = `${provider}:${event.deliveryKey}`;
      const reservation = await deliveries.reserve(delivery);
      if (reservation === 'replayed') return answer(WebhookRefusal.REPLAYED, statusFor(WebhookRefusal.REPLAYED), { error: 'this delivery was already received' });
      if (reservation === 'full') return reply.code(503).header('retry-after', '60').send({ error: 'too many deliveries at once; send again later' });

      return publishLiveState(options, provider, event.paymentId, request.id, reply, {
        accepted: () => answer('PUBLISHED', 200, { received: true }),
        failed: async (error, mayPass) => {
          // A failure that may pass is the provider's to retry: its redelivery must not look like a replay.
          if (mayPass) await deliveries.release(delivery);
          return answer('READ_FAILED', mayPass ? 503 : 422, { error: 'the payment could not be read from the provider', code: error.code });
        },
      });
    });
    done();
  });
}

/** One live read of the payment the event names, published to its subscribers when it succeeds. */
async function publishLiveState(
  options: WebhookRouteOptions,
  provider: Provider,
  id: string,
  requestId: string,
  reply: FastifyReply,
  respond: { accepted: () => FastifyReply; failed: (error: PaymentLookupError, mayPass: boolean) => Promise<FastifyReply> },
): Promise<FastifyReply> {
  const span = options.tracer.start(`webhook ${provider}`, 'server', undefined);
  const scope = new RequestScope({ deadline: Date.now() + options.requestDeadlineMs, requestId, trace: span.context, tracer: options.tracer });
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) scope.cancel();
  });
  try {
    const { finalPayments, updates } = options.registry.coordination;
    // The event says the payment changed: a final state kept a moment ago is no longer the one to read.
    await finalPayments?.forget({ provider, id });
    const payment = await createPaymentLoaders(options.registry, { onBatch: options.onBatch, scope }).payment.load({ provider, id });
    updates.publish(payment);
    return await respond.accepted();
  } catch (error) {
    if (!(error instanceof PaymentLookupError)) throw error;
    span.fail(error.code);
    return await respond.failed(error, error.retryable);
  } finally {
    span.end();
  }
}

function statusFor(refusal: WebhookRefusal): number {
  switch (refusal) {
    case WebhookRefusal.BAD_SIGNATURE:
      return 401;
    case WebhookRefusal.MALFORMED:
    case WebhookRefusal.OUTSIDE_TOLERANCE:
      return 400;
    case WebhookRefusal.REPLAYED:
      return 409;
    default:
      return assertNever(refusal);
  }
}
