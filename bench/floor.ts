/**
 * Bench helper process: the floor. A plain Node HTTP handler doing the same provider fetch as the
 * subgraph's `payment` query (a keep-alive undici GET of the Primer payment named in the request
 * body, JSON parsed, a small JSON answer) and nothing else: no GraphQL, no validation, no framework.
 * Prints `FLOOR http://127.0.0.1:port` when listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

const pool = new Pool(process.env['PRIMER_BASE_URL'] ?? '', { connections: 64 });
const headers = { 'x-api-key': process.env['PRIMER_API_KEY'] ?? '', 'x-api-version': '2.4', accept: 'application/json' };

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { id } = JSON.parse(Buffer.concat(chunks).toString()) as { id: string };
    void pool
      .request({ method: 'GET', path: `/payments/${encodeURIComponent(id)}`, headers })
      .then(async (upstream) => {
        const payment = (await upstream.body.json()) as { id: string; status: string };
        const body = JSON.stringify({ data: { payment: { id: payment.id, status: payment.status } } });
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })
      .catch(() => response.writeHead(502).end());
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`FLOOR http://127.0.0.1:${String((server.address() as AddressInfo).port)}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
