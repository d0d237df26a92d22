import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * A small real orders subgraph for federation tests and `npm run supergraph`: it owns `Order`,
 * lists orders with `orders(first:)`, and references each order's payment by `{id, provider}` —
 * the gateway fetches the payments from the payments subgraph in one `_entities` request.
 */
export const ORDERS_TYPE_DEFS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

"The payment providers (the same enum as the payments subgraph's)."
enum Provider {
  "Primer."
  PRIMER
  "Gr4vy."
  GR4VY
  "KuikPOS."
  KUIKPOS
  "OrcaRail."
  ORCARAIL
  "UCS."
  UCS
}

type Query {
  "The most recent orders."
  orders(first: Int! = 20): [Order!]!
  "One order by id."
  order(id: ID!): Order
}

"A customer order."
type Order @key(fields: "id") {
  "The order id; also the merchant order reference stored with its payment."
  id: ID!
  "The order number shown to customers."
  number: String!
  "The order total, as a display string."
  total: String!
  "The payment for this order, owned by the payments subgraph."
  payment: Payment
}

"A payment reference: the payments subgraph resolves the rest."
type Payment @key(fields: "id provider", resolvable: false) {
  "The payment's id at its provider."
  id: ID!
  "The payment's provider."
  provider: Provider!
}
`;

export interface OrderRecord {
  readonly id: string;
  readonly number: string;
  readonly total: string;
  readonly payment: { readonly id: string; readonly provider: string } | null;
}

/** 50 orders spread over the five providers (10 each), payments served by the simulators. */
export function sampleOrders(count = 50): OrderRecord[] {
  const providers = [
    (i: number) => ({ id: `pay_gen_${String(i)}`, provider: 'PRIMER' }),
    (i: number) => ({ id: `a11ce000-0000-4000-8000-${String(i).padStart(12, '0')}`, provider: 'GR4VY' }),
    (i: number) => ({ id: `kp_gen_${String(i)}`, provider: 'KUIKPOS' }),
    (i: number) => ({ id: `pi_gen_${String(i)}`, provider: 'ORCARAIL' }),
    (i: number) => ({ id: `pi_gen_${String(i)}~${String(1000 + i)}~USD`, provider: 'UCS' }),
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `order-${String(i)}`,
    number: `#${String(10_000 + i)}`,
    total: `${String(10 + i)}.00`,
    payment: providers[i % providers.length]!(i),
  }));
}

export interface OrdersSubgraph {
  readonly url: string;
  readonly typeDefs: string;
  stop(): Promise<void>;
}

export async function startOrdersSubgraph(orders: readonly OrderRecord[] = sampleOrders(), port = 0): Promise<OrdersSubgraph> {
  const byId = new Map(orders.map((order) => [order.id, order]));
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(ORDERS_TYPE_DEFS),
      resolvers: {
        Query: {
          orders: (_: unknown, { first }: { first: number }) => orders.slice(0, first),
          order: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
        },
        Order: {
          __resolveReference: (reference: { id: string }) =>
            byId.get(reference.id) ?? { id: reference.id, number: `#${reference.id}`, total: '0.00', payment: null },
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, typeDefs: ORDERS_TYPE_DEFS, stop: () => server.stop() };
}
