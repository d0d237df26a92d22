import { createPublicKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { faultOutcome, type ProviderErrorRenderer } from '../../simulation/faults.js';
import type { SimulatedRequest, SimulatedResponse, SimulatorDefinition } from '../../simulation/http-simulator.js';
import { GR4VY_READ_SCOPE, gr4vyKeyId } from './auth.js';
import { GR4VY_FAULTS, GR4VY_REFUNDS, GR4VY_SAMPLE_IDS, gr4vyTransactionFor } from './fixtures.js';

/** The spec's `ErrorNNN` bodies: `{"type":"error","code":…,"status":…,"message":…,"details":[]}`. */
const ERROR_CODES: Readonly<Record<number, [string, string]>> = {
  400: ['bad_request', 'Request failed validation'],
  401: ['unauthorized', 'No valid API authentication found'],
  404: ['not_found', 'The resource could not be found'],
  429: ['too_many_requests', 'Too many requests'],
  500: ['server_error', 'Request could not be processed'],
  502: ['bad_gateway', 'Request could not be processed'],
  503: ['service_unavailable', 'Service unavailable'],
  504: ['gateway_timeout', 'Request could not be processed'],
};

function gr4vyError(status: number): SimulatedResponse {
  const [code, message] = ERROR_CODES[status] ?? ['server_error', 'Request could not be processed'];
  return { status, body: { type: 'error', code, status, message, details: [] } };
}

const gr4vyErrors: ProviderErrorRenderer = { errorResponse: gr4vyError };

/**
 * Gr4vy's transaction endpoints. Every request must carry a valid ES512 bearer token signed by the
 * merchant key the simulator was given, with the key's thumbprint as `kid` and the
 * `transactions.read` scope — the same checks that make a real Gr4vy instance answer 401.
 */
export async function gr4vySimulator(options: { privateKey: KeyObject }): Promise<SimulatorDefinition> {
  const publicKey = createPublicKey(options.privateKey);
  const expectedKid = await gr4vyKeyId(publicKey);

  async function verify(token: string): Promise<boolean> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
        algorithms: ['ES512'],
        requiredClaims: ['exp', 'jti'],
      });
      const scopes = Array.isArray(payload.scopes) ? payload.scopes : [];
      return protectedHeader.kid === expectedKid && (scopes.includes(GR4VY_READ_SCOPE) || scopes.includes('*.read'));
    } catch {
      return false;
    }
  }

  // P-521 verification costs ~2 ms of CPU; a token seen before is not verified again while it is
  // valid, so the simulator's own CPU does not show up as provider latency in benchmarks.
  const verified = new Map<string, { valid: Promise<boolean>; until: number }>();
  function isAuthorized(request: SimulatedRequest): Promise<boolean> {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) return Promise.resolve(false);
    const token = header.slice('Bearer '.length);
    const now = Date.now();
    const known = verified.get(token);
    if (known && known.until > now) return known.valid;
    if (verified.size >= 1_000) verified.clear();
    const valid = verify(token);
    verified.set(token, { valid, until: now + 5_000 });
    return valid;
  }

  return {
    name: 'gr4vy',
    serverError: () => gr4vyError(503),
    async handle(request) {
      const [resource, id, sub, ...rest] = request.segments;
      if (request.method !== 'GET' || resource !== 'transactions' || id === undefined || rest.length > 0) {
        return gr4vyError(404);
      }
      if (!(await isAuthorized(request))) return gr4vyError(401);
      const fault = GR4VY_FAULTS.faultFor(id);
      if (fault) return faultOutcome(fault, gr4vyErrors);
      const body = gr4vyTransactionFor(id);
      if (!body) return gr4vyError(404);
      if (sub === 'refunds') return { status: 200, body: { items: GR4VY_REFUNDS[id] ?? [], limit: 100, next_cursor: null, previous_cursor: null } };
      if (sub !== undefined) return gr4vyError(404);
      const merchantAccount = request.headers['x-gr4vy-merchant-account-id'];
      // The red-team sample echoes the live bearer token back, as a misbehaving proxy might.
      const echo = id === GR4VY_SAMPLE_IDS.leaky ? { raw_response_description: `auth was ${String(request.headers.authorization)}` } : {};
      return { status: 200, body: { ...body, merchant_account_id: typeof merchantAccount === 'string' ? merchantAccount : 'default', ...echo } };
    },
  };
}
