import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchemaSdl } from '../../src/graphql/schema.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { composeWithGuild } from './compose.js';
import { sampleOrders, startOrdersSubgraph, type OrdersSubgraph } from './orders-subgraph.js';

const WATCH_WITH_ORDER = `subscription Checkout($id: ID!) {
  paymentUpdated(id: $id, provider: PRIMER) { id status isFinal order { id number } }
}`;

interface Event {
  readonly data?: { paymentUpdated: { id: string; status: string; isFinal: boolean; order: { id: string; number: string } | null } } | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Every `next` event of a GraphQL-over-SSE response (distinct connections mode), until the stream ends. */
async function readEvents(response: Response): Promise<Event[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: next'))
    .map((block) => JSON.parse(block.slice(block.indexOf('data:') + 'data:'.length)) as Event);
}

/**
 * Hive Gateway's federated subscriptions, end to end: a browser subscribes to the gateway over SSE,
 * the gateway subscribes to this subgraph over graphql-ws (its `ws` transport), and joins each
 * state with the order from the test orders subgraph.
 */
describe('paymentUpdated through Hive Gateway', () => {
  let payments: TestApp;
  let orders: OrdersSubgraph;
  let gateway: ReturnType<typeof createGatewayRuntime>;

  beforeAll(async () => {
    payments = await startTestApp({ knobs: { journeyMs: 300 }, pollPolicy: { firstDelayMs: 60_000, maxDelayMs: 60_000, factor: 2, jitter: 0 } });
    orders = await startOrdersSubgraph([...sampleOrders(), { id: 'order-pay_journey_gateway', number: '#30001', total: '129.99', payment: { id: 'pay_journey_gateway', provider: 'PRIMER' } }]);
    const composed = composeWithGuild([
      { name: 'payments', url: `${payments.url}/graphql`, typeDefs: readSchemaSdl() },
      { name: 'orders', url: orders.url, typeDefs: orders.typeDefs },
    ]);
    if (!composed.supergraphSdl) throw new Error(composed.errors.join('; '));
    gateway = createGatewayRuntime({
      supergraph: composed.supergraphSdl,
      logging: false,
      transportEntries: { payments: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } },
    });
  });
  afterAll(async () => {
    await gateway[Symbol.asyncDispose]();
    await orders.stop();
    await payments.close();
  });

  it('streams REQUIRES_ACTION then CAPTURED, each joined with its order, and ends when the payment is final', async () => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: WATCH_WITH_ORDER, variables: { id: 'pay_journey_gateway' } }),
    });
    expect(response.status).toBe(200);
    const events = await readEvents(response);
    expect(events.map((event) => event.errors)).toEqual([undefined, undefined]);
    expect(events.map((event) => event.data?.paymentUpdated)).toEqual([
      { id: 'pay_journey_gateway', status: 'REQUIRES_ACTION', isFinal: false, order: { id: 'order-pay_journey_gateway', number: '#30001' } },
      { id: 'pay_journey_gateway', status: 'CAPTURED', isFinal: true, order: { id: 'order-pay_journey_gateway', number: '#30001' } },
    ]);
    // One read to start, one for the simulator's webhook: the gateway's subscription polled nothing.
    expect(payments.simulator('PRIMER').callsTo('/payments/pay_journey_gateway')).toBe(2);
  });
});
