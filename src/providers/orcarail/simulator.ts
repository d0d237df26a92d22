import { faultOutcome, type ProviderErrorRenderer } from '../../simulation/faults.js';
import type { SimulatedResponse, SimulatorDefinition } from '../../simulation/http-simulator.js';
import { ORCARAIL_FAULTS, orcarailIntentFor } from './fixtures.js';

/** OrcaRail documents no error body; its SDK reads `message` and `error`, so the simulator sends those. */
function orcarailError(status: number, error: string, message: string): SimulatedResponse {
  return { status, body: { error, message } };
}

const orcarailErrors: ProviderErrorRenderer = {
  errorResponse(status) {
    switch (status) {
      case 401:
        return orcarailError(401, 'unauthorized', 'Invalid API key or secret');
      case 429:
        return orcarailError(429, 'rate_limited', 'Too many requests');
      default:
        return orcarailError(status, 'server_error', 'Something went wrong');
    }
  },
};

/** `GET /api/v1/payment_intents/{id}` with Basic auth checked. */
export function orcarailSimulator(options: { apiKey: string; apiSecret: string }): SimulatorDefinition {
  const expected = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString('base64')}`;
  return {
    name: 'orcarail',
    serverError: () => orcarailErrors.errorResponse(503),
    handle(request) {
      const [api, version, resource, id, ...rest] = request.segments;
      if (request.method !== 'GET' || api !== 'api' || version !== 'v1' || resource !== 'payment_intents' || id === undefined || rest.length > 0) {
        return orcarailError(404, 'not_found', 'No such route');
      }
      if (request.headers.authorization !== expected) return orcarailErrors.errorResponse(401);
      const fault = ORCARAIL_FAULTS.faultFor(id);
      if (fault) return faultOutcome(fault, orcarailErrors);
      const body = orcarailIntentFor(id);
      return body ? { status: 200, body } : orcarailError(404, 'not_found', 'Payment intent not found');
    },
  };
}
