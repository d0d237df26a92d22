import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentLookupError } from '../../src/errors/payment-lookup-error.js';
import { RequestScope } from '../../src/request/request-scope.js';
import { AMOUNT_PROBLEMS, type Money } from '../../src/model/money.js';
import type { Payment, PaymentAmountField } from '../../src/model/payment.js';
import { PAYMENT_STATUSES } from '../../src/model/status.js';
import type { ProviderAdapter } from '../../src/providers/adapter.js';
import { loadGr4vyPrivateKey } from '../../src/providers/gr4vy/auth.js';
import { createGr4vyAdapter } from '../../src/providers/gr4vy/client.js';
import { gr4vyModule } from '../../src/providers/gr4vy/index.js';
import { DEFAULT_CALL_SETTINGS } from '../../src/providers/call-settings.js';
import { createPrimerAdapter } from '../../src/providers/primer/client.js';
import { Secret } from '../../src/security/secret.js';
import { HttpSimulator } from '../../src/simulation/http-simulator.js';
import { gr4vySpec, primerSpec, type OpenApiDocument } from '../helpers/provider-specs.js';
import { SpecBodies } from './spec-bodies.js';

/**
 * Fidelity to the official specs: randomized bodies each spec allows, served over real HTTP and read
 * through the production adapters. Every one must map to a Payment that keeps the payments rules, or
 * fail for a documented reason. The seed is fixed so a failure is reproducible; change it to explore.
 */
const BODIES = 200;
const SEED = 20261202;
const AMOUNT_FIELDS: readonly PaymentAmountField[] = ['amount', 'authorizedAmount', 'capturedAmount', 'refundedAmount', 'merchantFee'];
const NOT_FINAL_STATUSES = new Set(['REQUIRES_PAYMENT_METHOD', 'REQUIRES_CONFIRMATION', 'REQUIRES_ACTION', 'PROCESSING', 'AUTHORIZED', 'UNKNOWN']);

type Body = Record<string, unknown>;
type Outcome = { readonly body: Body; readonly payment: Payment } | { readonly body: Body; readonly error: unknown };

/** Serves `bodies` by the last path segment (the id), over the same simulator server as every provider's double. */
async function serve(name: string, bodyFor: (id: string) => Body | undefined): Promise<HttpSimulator> {
  return HttpSimulator.start({
    name,
    serverError: () => ({ status: 503 }),
    handle(request) {
      const body = bodyFor(request.segments.at(-1) ?? '');
      return body ? { status: 200, body } : { status: 404, body: { message: 'not found' } };
    },
  });
}

async function readAll(adapter: ProviderAdapter, ids: readonly string[], bodies: ReadonlyMap<string, Body>): Promise<Outcome[]> {
  return Promise.all(
    ids.map(async (id) => {
      const body = bodies.get(id)!;
      try {
        return { body, payment: await adapter.fetchPayment(id, new RequestScope()) };
      } catch (error) {
        return { body, error };
      }
    }),
  );
}

/** The payments rules every mapped body must keep, whatever the provider. */
function expectTruthful(payment: Payment, id: string, body: Body): void {
  expect(payment.id).toBe(id);
  expect(PAYMENT_STATUSES).toContain(payment.status);
  expect(payment.providerStatus).toBe(body['status']);
  if (payment.isFinal) expect(NOT_FINAL_STATUSES.has(payment.status), `${payment.status} cannot be final`).toBe(false);
  for (const field of AMOUNT_FIELDS) {
    const amount: Money | undefined = payment[field];
    const unreadable = payment.unreadable?.[field];
    // A field is either an exact, non-negative amount or unreadable for a documented reason, never both.
    expect(amount !== undefined && unreadable !== undefined, field).toBe(false);
    if (amount) {
      expect(typeof amount.minorUnits).toBe('bigint');
      expect(amount.minorUnits >= 0n, field).toBe(true);
      expect(Number.isInteger(amount.exponent)).toBe(true);
    }
    if (unreadable) expect(AMOUNT_PROBLEMS).toContain(unreadable.problem);
  }
  if (payment.refundState === 'FULL' && payment.capturedAmount && payment.refundedAmount) {
    expect(payment.refundedAmount.minorUnits).toBe(payment.capturedAmount.minorUnits);
  }
  if (payment.refundState === 'INCONSISTENT') expect(payment.discrepancies.length).toBeGreaterThan(0);
}

function generate(spec: OpenApiDocument, schema: string, idFor: (index: number, body: Body) => string, key = 'id'): Map<string, Body> {
  const generator = new SpecBodies(spec, SEED);
  const bodies = new Map<string, Body>();
  for (let index = 0; index < BODIES; index += 1) {
    const body = generator.body(schema);
    const id = idFor(index, body);
    // A spec-valid body for GET /…/{id} describes {id}: the only constraint added to the spec.
    bodies.set(id, { ...body, [key]: id });
  }
  return bodies;
}

describe('Primer: randomized spec-valid PaymentAPIResponse bodies', () => {
  let simulator: HttpSimulator;
  let outcomes: Outcome[];
  const bodies = generate(primerSpec(), 'PaymentAPIResponse', (index) => `spec_${String(index)}`);

  beforeAll(async () => {
    simulator = await serve('primer-spec', (id) => bodies.get(id));
    const adapter = createPrimerAdapter({ baseUrl: simulator.url, apiKey: new Secret('spec-key') }, DEFAULT_CALL_SETTINGS);
    outcomes = await readAll(adapter, [...bodies.keys()], bodies);
    await adapter.close();
  });
  afterAll(() => simulator.close());

  it('maps every body that has a status; a body without one fails, as documented, as PROVIDER_BAD_RESPONSE', () => {
    // Primer's PaymentAPIResponse has no `required` list: a payment without a status is spec-valid and unreadable.
    for (const outcome of outcomes) {
      const hasStatus = typeof outcome.body['status'] === 'string';
      if ('payment' in outcome) {
        expect(hasStatus).toBe(true);
        expectTruthful(outcome.payment, outcome.body['id'] as string, outcome.body);
      } else {
        expect([hasStatus, outcome.error instanceof PaymentLookupError && outcome.error.code]).toEqual([false, 'PROVIDER_BAD_RESPONSE']);
      }
    }
    expect(outcomes.filter((outcome) => 'payment' in outcome).length).toBeGreaterThan(BODIES / 2);
  });

  it('claims a capture only for SETTLING, SETTLED and PARTIALLY_SETTLED', () => {
    for (const outcome of outcomes) {
      if (!('payment' in outcome) || !['CAPTURED', 'PARTIALLY_CAPTURED'].includes(outcome.payment.status)) continue;
      expect(['SETTLING', 'SETTLED', 'PARTIALLY_SETTLED']).toContain(outcome.body['status']);
    }
  });

  it('reached int64 amounts beyond 2^53 and read them exactly', () => {
    const huge = outcomes.filter((outcome) => 'payment' in outcome && outcome.payment.amount?.minorUnits === 9_223_372_036_854_775_807n);
    expect(huge.length).toBeGreaterThan(0);
  });
});

describe('Gr4vy: randomized spec-valid Transaction bodies', () => {
  let simulator: HttpSimulator;
  let outcomes: Outcome[];
  const bodies = generate(gr4vySpec(), 'Transaction', (_index, body) => body['id'] as string);

  beforeAll(async () => {
    simulator = await serve('gr4vy-spec', (id) => bodies.get(id));
    // From PEM, as the subgraph loads it (see gr4vyModule.simulatedCredentials: a generated KeyObject can deadlock its JWK export).
    const privateKey = loadGr4vyPrivateKey(new Secret(gr4vyModule.simulatedCredentials()['GR4VY_PRIVATE_KEY'] ?? ''));
    const adapter = await createGr4vyAdapter({ baseUrl: simulator.url, privateKey }, DEFAULT_CALL_SETTINGS);
    outcomes = await readAll(adapter, [...bodies.keys()], bodies);
    await adapter.close();
  });
  afterAll(() => simulator.close());

  it('maps every one of them: none is PROVIDER_BAD_RESPONSE, so none counts against the circuit', () => {
    const failures = outcomes.flatMap((outcome) => ('error' in outcome ? [String(outcome.error)] : []));
    expect(failures).toEqual([]);
    for (const outcome of outcomes) if ('payment' in outcome) expectTruthful(outcome.payment, outcome.body['id'] as string, outcome.body);
  });

  it('claims a capture only for capture_succeeded with something captured', () => {
    for (const outcome of outcomes) {
      if (!('payment' in outcome) || !['CAPTURED', 'PARTIALLY_CAPTURED'].includes(outcome.payment.status)) continue;
      expect(outcome.body['status']).toBe('capture_succeeded');
      expect(outcome.payment.capturedAmount?.minorUnits ?? 0n).toBeGreaterThan(0n);
    }
  });

  it('reached the corners: negative amounts and non-ISO currencies, each unreadable and not guessed', () => {
    const problems = new Set(outcomes.flatMap((outcome) => ('payment' in outcome ? Object.values(outcome.payment.unreadable ?? {}).map((field) => field.problem) : [])));
    expect([...problems].sort()).toEqual(expect.arrayContaining(['NEGATIVE_AMOUNT', 'UNKNOWN_CURRENCY']));
  });
});
