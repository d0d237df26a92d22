import { randomUUID } from 'node:crypto';
import { faultOutcome, type ProviderErrorRenderer } from '../../simulation/faults.js';
import type { SimulatedResponse, SimulatorDefinition } from '../../simulation/http-simulator.js';
import { PRIMER_FAULTS, PRIMER_LEAKY_ID, primerLeakyPayment, primerPaymentFor } from './fixtures.js';
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
export function primerSimulator(options: { apiKey: string }): SimulatorDefinition {
  return {
    name: 'primer',
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
      const body = id === PRIMER_LEAKY_ID ? primerLeakyPayment(options.apiKey) : primerPaymentFor(id);
      if (!body) return primerError(400, 'PaymentError', 'The payment could not be found');
      return { status: 200, body };
    },
  };
}
