import { randomUUID } from 'node:crypto';
import { faultOutcome, type ProviderErrorRenderer } from '../../simulation/faults.js';
import type { SimulatedResponse, SimulatorDefinition } from '../../simulation/http-simulator.js';
import { PaymentJourneys } from '../../simulation/journeys.js';
import { PRIMER_FAULTS, PRIMER_JOURNEY_ID_PREFIX, PRIMER_LEAKY_ID, primerJourneyPayment, primerLeakyPayment, primerPaymentFor } from './fixtures.js';
import { primerWebhook } from './webhook.js';
import { PRIMER_API_VERSION } from './client.js';

/** Primer's error envelope (`ErrorObject`), with the errorIds its docs use. */
function primerError(status: number, errorId: string, description: string): SimulatedResponse {
  return { status, body: { error: { errorId, description, diagnosticsId: randomUUID() } } };
}

const primerErrors: ProviderErrorRenderer = {
  errorResponse(status) {
    switch (status) {
      case 401:
        return primerError(401, 'Unauthorized', 'Invalid or missing API key');
      case 429:
        return primerError(429, 'TooManyRequests', 'Too many requests');
      case 504:
        return primerError(504, 'GatewayTimeout', 'The request timed out');
      default:
        return primerError(status, 'InternalServerError', 'Something went wrong');
    }
  },
};

/**
 * `GET /payments/{id}` as Primer serves it: X-API-KEY checked, X-API-VERSION 2.4 required, and an
 * unknown id answered with HTTP 400 `PaymentError` — Primer's documented "not found", not a 404.
 */
export function primerSimulator(options: { apiKey: string; journeyMs: number }): SimulatorDefinition {
  let webhooks: { url: string; secret: string } | undefined;
  const journeys = new PaymentJourneys(options.journeyMs, (id) => {
    if (webhooks) void deliverWebhook(webhooks, id);
  });
  return {
    name: 'primer',
    webhooks: {
      deliverTo(url, secret) {
        webhooks = { url, secret };
      },
      close() {
        journeys.close();
      },
    },
    serverError: () => primerErrors.errorResponse(503),
    handle(request) {
      const [resource, id, ...rest] = request.segments;
      if (request.method !== 'GET' || resource !== 'payments' || id === undefined || rest.length > 0) {
        return primerError(404, 'NotFound', 'No such route');
      }
      if (request.headers['x-api-key'] !== options.apiKey) return primerErrors.errorResponse(401);
      if (request.headers['x-api-version'] !== PRIMER_API_VERSION) {
        return primerError(400, 'InvalidApiVersion', `X-API-VERSION must be ${PRIMER_API_VERSION}`);
      }
      const fault = PRIMER_FAULTS.faultFor(id);
      if (fault) return faultOutcome(fault, primerErrors);
      if (id.startsWith(PRIMER_JOURNEY_ID_PREFIX)) return { status: 200, body: primerJourneyPayment(id, journeys.stage(id)) };
      const body = id === PRIMER_LEAKY_ID ? primerLeakyPayment(options.apiKey) : primerPaymentFor(id);
      if (!body) return primerError(400, 'PaymentError', 'The payment could not be found');
      return { status: 200, body };
    },
  };
}

/** PAYMENT.STATUS with the full payment, as Primer sends it, signed with the webhook secret. */
async function deliverWebhook(target: { url: string; secret: string }, id: string): Promise<void> {
  const { headers, body } = primerWebhook.sign(id, target.secret, Date.now(), primerJourneyPayment(id, 'completed'));
  try {
    await fetch(`${target.url}/webhooks/primer`, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
  } catch {
    // The subgraph may have gone; Primer's redelivery is not simulated: its subscriptions poll.
  }
}
