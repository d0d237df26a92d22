import { faultOutcome, type ProviderErrorRenderer } from '../../simulation/faults.js';
import type { SimulatedResponse, SimulatorDefinition } from '../../simulation/http-simulator.js';
import { KUIKPOS_FAULTS, kuikposPaymentFor } from './fixtures.js';

/** KuikPOS documents no error body; the simulator answers a plain JSON message with the status. */
function kuikposError(status: number, message: string): SimulatedResponse {
  return { status, body: { status, message } };
}

const kuikposErrors: ProviderErrorRenderer = {
  errorResponse(status) {
    switch (status) {
      case 401:
        return kuikposError(401, 'Unauthorized');
      case 429:
        return kuikposError(429, 'Too Many Requests');
      default:
        return kuikposError(status, 'Internal Server Error');
    }
  },
};

/** `GET /api/payment/{paymentId}`, `X-API-KEY` + `X-API-SECRET` checked (401 otherwise, per KuikPOS's docs). */
export function kuikposSimulator(options: { apiKey: string; apiSecret: string }): SimulatorDefinition {
  return {
    name: 'kuikpos',
    serverError: () => kuikposErrors.errorResponse(503),
    handle(request) {
      const [api, resource, id, ...rest] = request.segments;
      if (request.method !== 'GET' || api !== 'api' || resource !== 'payment' || id === undefined || rest.length > 0) {
        return kuikposError(404, 'Not Found');
      }
      if (request.headers['x-api-key'] !== options.apiKey || request.headers['x-api-secret'] !== options.apiSecret) {
        return kuikposErrors.errorResponse(401);
      }
      const fault = KUIKPOS_FAULTS.faultFor(id);
      if (fault) return faultOutcome(fault, kuikposErrors);
      const body = kuikposPaymentFor(id);
      return body ? { status: 200, body } : kuikposError(404, 'Payment not found');
    },
  };
}
