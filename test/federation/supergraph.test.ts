import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSchemaSdl } from '../../src/graphql/schema.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';
import { composeWithApollo, composeWithGuild, type SubgraphDefinition } from './compose.js';
import { startApolloGateway, startHiveGateway, type TestGateway } from './gateways.js';
import { sampleOrders, startOrdersSubgraph, type OrdersSubgraph } from './orders-subgraph.js';

const ORDERS_WITH_PAYMENTS = `query Dashboard($first: Int!) {
  orders(first: $first) {
    id number total
    payment { id provider status providerStatus amount { decimal currency } }
  }
}`;

const PAYMENT_WITH_ORDER = `query($id: ID!, $provider: Provider!) {
  payment(id: $id, provider: $provider) { id status orderId order { id number total } }
}`;

describe('the payments subgraph in a supergraph, through real gateways', () => {
  let payments: TestApp;
  let orders: OrdersSubgraph;
  let subgraphs: SubgraphDefinition[];
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    payments = await startTestApp({ circuitBreaker: { failureThreshold: 5, openMs: 100 } });
    // The orders subgraph also holds orders whose ids are the simulators' merchant order references.
    orders = await startOrdersSubgraph([
      ...sampleOrders(),
      { id: 'order-pay_settled', number: '#20001', total: '129.99', payment: { id: 'pay_settled', provider: 'PRIMER' } },
    ]);
    subgraphs = [
      { name: 'payments', url: `${payments.url}/graphql`, typeDefs: readSchemaSdl() },
      { name: 'orders', url: orders.url, typeDefs: orders.typeDefs },
    ];
    const apollo = composeWithApollo(subgraphs);
    const guild = composeWithGuild(subgraphs);
    if (!apollo.supergraphSdl || !guild.supergraphSdl) throw new Error(`composition failed: ${[...apollo.errors, ...guild.errors].join('; ')}`);
    gateways.push(await startApolloGateway(apollo.supergraphSdl), startHiveGateway(guild.supergraphSdl));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await orders.stop();
    await payments.close();
  });
  beforeEach(() => {
    resetCounters(payments);
  });

  it('composes under both composers with no errors', () => {
    expect(composeWithApollo(subgraphs).errors).toEqual([]);
    expect(composeWithGuild(subgraphs).errors).toEqual([]);
  });

  describe.each([0, 1])('gateway %i', (index) => {
    const gateway = () => gateways[index]!;

    it('joins 50 orders with their payments in one _entities request, one provider call per payment', async () => {
      const result = await gateway().execute(ORDERS_WITH_PAYMENTS, { first: 50 });
      expect(result.errors).toBeUndefined();
      const rows = (result.data?.['orders'] ?? []) as Array<{ id: string; payment: { id: string; provider: string; status: string } | null }>;
      expect(rows).toHaveLength(50);
      expect(rows.map((row) => row.payment && `${row.payment.provider}:${row.payment.id}`)).toEqual(
        sampleOrders().map((order) => `${order.payment!.provider}:${order.payment!.id}`),
      );
      expect(rows.every((row) => row.payment?.status === 'CAPTURED')).toBe(true);
      expect(payments.operations.entities).toBe(1);
      expect(payments.batches.filter((batch) => batch.loader === 'payment')).toHaveLength(1);
      const providerCalls = [...payments.registry.simulators.values()].reduce((sum, simulator) => sum + simulator.totalCalls, 0);
      expect(providerCalls).toBe(50);
    });

    it('keeps the other payments when one provider is down, with the error code intact', async () => {
      const gr4vy = payments.simulator('GR4VY');
      gr4vy.knobs.errorRate = 1;
      try {
        const result = await gateway().execute(ORDERS_WITH_PAYMENTS, { first: 10 });
        const rows = (result.data?.['orders'] ?? []) as Array<{ id: string; payment: { provider: string } | null }>;
        expect(rows).toHaveLength(10);
        const missing = rows.filter((row) => row.payment === null).map((row) => row.id);
        expect(missing).toEqual(['order-1', 'order-6']);
        expect(rows.filter((row) => row.payment !== null)).toHaveLength(8);
        expect(result.errors?.length).toBeGreaterThanOrEqual(1);
        for (const error of result.errors ?? []) expect(error.extensions?.['code']).toBe('PROVIDER_UNAVAILABLE');
      } finally {
        gr4vy.knobs.errorRate = 0;
        // The outage opened Gr4vy's circuit: let it half-open, and close it with one probe.
        await new Promise((resolve) => setTimeout(resolve, 150));
        await payments.query('{ payment(id: "a11ce000-0000-4000-8000-000000000001", provider: GR4VY) { id } }');
        expect(payments.registry.describe().GR4VY.circuit).toBe('closed');
      }
    });

    it('reaches the order from a payment (payments-first screens)', async () => {
      const result = await gateway().execute(PAYMENT_WITH_ORDER, { id: 'pay_settled', provider: 'PRIMER' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        payment: { id: 'pay_settled', status: 'CAPTURED', orderId: 'order-pay_settled', order: { id: 'order-pay_settled', number: '#20001', total: '129.99' } },
      });
    });
  });
});
