/**
 * `npm run supergraph`: a local supergraph in one command, for trying the gateway join by hand.
 *   payments subgraph  http://localhost:4001/graphql  (this service, every provider on its simulator)
 *   orders subgraph    http://localhost:4002/graphql  (the demo subgraph from test/federation)
 *   Hive Gateway       http://localhost:4000/graphql  (composed in-process, no Rover or Router needed)
 * Ctrl-C stops all three. GATEWAY_PORT, PAYMENTS_PORT and ORDERS_PORT move them (0: any free port).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { readSchemaSdl } from '../src/graphql/schema.js';
import { loadConfig } from '../src/config/app-config.js';
import { buildService } from '../src/service/build-service.js';
import { composeWithGuild } from '../test/federation/compose.js';
import { sampleOrders, startOrdersSubgraph } from '../test/federation/orders-subgraph.js';
import { localSubgraphs } from '../test/federation/schema-checks.js';

const port = (name: string, fallback: number) => Number(process.env[name] ?? String(fallback));
// The payments subgraph on its embedded default: every provider on its simulator, as `npm start` runs it.
const config = loadConfig({ LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', SIMULATOR_LATENCY_MS: process.env['SIMULATOR_LATENCY_MS'] });
const { app: payments, registry } = await buildService(config);
const paymentsAddress = await payments.http.listen({ host: '127.0.0.1', port: port('PAYMENTS_PORT', 4001) });
const paymentsUrl = `${paymentsAddress}/graphql`;
payments.lifecycle.markListening();
registry.sendSimulatorWebhooksTo(paymentsAddress);

const orders = await startOrdersSubgraph(
  [...sampleOrders(), { id: 'order-pay_settled', number: '#20001', total: '129.99', payment: { id: 'pay_settled', provider: 'PRIMER' } }],
  port('ORDERS_PORT', 4002),
);

const composition = composeWithGuild(localSubgraphs(readSchemaSdl(), { payments: paymentsUrl, orders: orders.url }));
if (!composition.supergraphSdl) throw new Error(`composition failed:\n${composition.errors.join('\n')}`);
// paymentUpdated reaches the payments subgraph over graphql-ws, as in test/federation/subscriptions.test.ts.
const gateway = createGatewayRuntime({
  supergraph: composition.supergraphSdl,
  logging: 'warn',
  transportEntries: { payments: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } },
});
// The gateway runtime is a fetch-style handler that Node's http server can call directly.
const server = createServer((request, response) => {
  void gateway(request, response);
});
await new Promise<void>((resolve) => server.listen(port('GATEWAY_PORT', 4000), '127.0.0.1', resolve));
const gatewayUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/graphql`;

console.log(`Local supergraph ready.
  gateway   ${gatewayUrl}
  payments  ${paymentsUrl}
  orders    ${orders.url}

Try the dashboard query (the full one is operations/dashboard-orders-with-payments.graphql):
  curl -s ${gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ orders(first: 5) { id total payment { provider status amount { decimal currency } } } }"}'
`);

process.on('SIGINT', () => {
  server.close();
  void Promise.all([gateway[Symbol.asyncDispose](), orders.stop(), payments.close()]).then(() => process.exit(0));
});
