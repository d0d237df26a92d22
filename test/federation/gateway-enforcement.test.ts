import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchemaSdl } from '../../src/graphql/schema.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { composeWithGuild } from './compose.js';
import { startHiveGateway, type TestGateway } from './gateways.js';
import { startOrdersSubgraph, type OrdersSubgraph } from './orders-subgraph.js';

/** The directives the schema declares are enforced by a gateway that supports them (Hive Gateway). */
describe('auth and demand-control directives, enforced by Hive Gateway', () => {
  let payments: TestApp;
  let orders: OrdersSubgraph;
  let gateway: TestGateway;

  beforeAll(async () => {
    payments = await startTestApp();
    orders = await startOrdersSubgraph();
    const composition = composeWithGuild([
      { name: 'payments', url: `${payments.url}/graphql`, typeDefs: readSchemaSdl() },
      { name: 'orders', url: orders.url, typeDefs: orders.typeDefs },
    ]);
    gateway = startHiveGateway(composition.supergraphSdl!, { enforceAuth: true, maxCost: 2_000 });
  });
  afterAll(async () => {
    await gateway.stop();
    await orders.stop();
    await payments.close();
  });

  const CUSTOMER = '{ payment(id: "pay_declined", provider: PRIMER) { status customer { id email name } card { last4 holderName } } }';

  it('hides personal data from anonymous callers, field by field, and keeps the rest', async () => {
    const result = await gateway.execute(CUSTOMER);
    const payment = (result.data?.['payment'] ?? {}) as Record<string, unknown>;
    expect(payment['status']).toBe('DECLINED');
    // Customer is @authenticated: each of its fields is withheld.
    expect(payment['customer']).toEqual({ id: null, email: null, name: null });
    expect(payment['card']).toEqual({ last4: '1111', holderName: null });
    expect(new Set(result.errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['UNAUTHORIZED_FIELD_OR_TYPE']));
    expect(result.errors?.map((error) => error.path?.join('.')).sort()).toEqual(
      ['payment.card.holderName', 'payment.customer.email', 'payment.customer.id', 'payment.customer.name'],
    );
    expect(JSON.stringify(result.data)).not.toContain('John Biggins');
  });

  it('needs the payments:read-pii scope for contact data, not for the customer id', async () => {
    const withoutScope = await gateway.execute(CUSTOMER, {}, { 'x-test-scopes': 'payments:read' });
    expect((withoutScope.data?.['payment'] as { customer: unknown }).customer).toEqual({ id: 'customer-123', email: null, name: null });
    expect(withoutScope.errors?.length).toBeGreaterThan(0);

    const withScope = await gateway.execute(CUSTOMER, {}, { 'x-test-scopes': 'payments:read payments:read-pii' });
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data?.['payment']).toMatchObject({
      customer: { id: 'customer-123', email: 'customer123@gmail.com' },
      card: { holderName: 'John Biggins' },
    });
  });

  it('rejects an operation whose estimated cost is over the limit, before any provider call', async () => {
    const before = [...payments.registry.simulators.values()].reduce((sum, s) => sum + s.totalCalls, 0);
    const expensive = await gateway.execute(
      'query($refs: [PaymentRef!]!) { payments(refs: $refs) { id transactions { id amount { decimal } } } }',
      { refs: [{ id: 'pay_settled', provider: 'PRIMER' }] },
      { 'x-test-scopes': '' },
    );
    expect(expensive.errors?.[0]?.extensions?.['code']).toBe('COST_ESTIMATED_TOO_EXPENSIVE');
    const cheap = await gateway.execute('{ payment(id: "pay_settled", provider: PRIMER) { status } }', {}, { 'x-test-scopes': '' });
    expect(cheap.errors).toBeUndefined();
    const after = [...payments.registry.simulators.values()].reduce((sum, s) => sum + s.totalCalls, 0);
    expect(after - before).toBe(1);
  });
});
