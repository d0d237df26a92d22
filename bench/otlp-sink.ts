/**
 * Bench helper process: an OpenTelemetry collector's OTLP/HTTP port that takes every export and keeps
 * nothing but counts, so that tracing's cost is the subgraph's own. Prints `SINK http://127.0.0.1:port`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let exports = 0;
let bytes = 0;
const server = createServer((request, response) => {
  request.on('data', (chunk: Buffer) => (bytes += chunk.length));
  request.on('end', () => {
    exports += 1;
    response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`SINK http://127.0.0.1:${String((server.address() as AddressInfo).port)}\n`);
});
process.on('SIGTERM', () => {
  process.stdout.write(`SINK received ${String(exports)} exports, ${String(bytes)} bytes\n`);
  server.close(() => process.exit(0));
});
