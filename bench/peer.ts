/**
 * Bench helper process: the peer, what a team would otherwise deploy for the same question. GraphQL
 * Mesh composes Primer's own OpenAPI spec (the vendored one) into a graph, and Hive Gateway serves it
 * over the same Primer simulator the subgraph reads, with the same credentials. Dev-only: nothing of
 * it ships. Prints `PEER http://127.0.0.1:port` when listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getComposedSchemaFromConfig } from '@graphql-mesh/compose-cli';
import { DefaultLogger, LogLevel } from '@graphql-mesh/utils';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const spec = fileURLToPath(new URL('../test/fixtures/provider-specs/primer-payments-openapi.yml', import.meta.url));
const supergraph = await getComposedSchemaFromConfig(
  {
    subgraphs: [
      {
        sourceHandler: loadOpenAPISubgraph('Primer', {
          source: spec,
          endpoint: process.env['PRIMER_BASE_URL'] ?? '',
          operationHeaders: { 'X-API-KEY': process.env['PRIMER_API_KEY'] ?? '', 'X-API-VERSION': '2.4' },
          // Primer's error bodies include an object with no properties, which GraphQL cannot type.
          ignoreErrorResponses: true,
        }),
      },
    ],
  },
  new DefaultLogger('peer', LogLevel.error),
);
const gateway = createGatewayRuntime({ supergraph, logging: false });
const server = createServer((request, response) => {
  void gateway(request, response);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PEER http://127.0.0.1:${String((server.address() as AddressInfo).port)}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway[Symbol.asyncDispose]().then(() => process.exit(0));
});

