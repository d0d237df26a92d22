import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `npm run supergraph` (scripts/supergraph.ts) as a newcomer runs it, on free ports. */
describe('npm run supergraph', () => {
  it('starts payments, orders and a gateway that answers the dashboard query', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/supergraph.ts'], {
      cwd: new URL('../../', import.meta.url),
      env: { PATH: process.env['PATH'] ?? '', GATEWAY_PORT: '0', PAYMENTS_PORT: '0', ORDERS_PORT: '0' },
    });
    try {
      const gatewayUrl = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /gateway\s+(http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => {
          reject(new Error(`exited before ready:\n${output}`));
        });
      });
      const query = readFileSync(new URL('../../operations/dashboard-orders-with-payments.graphql', import.meta.url), 'utf8');
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { first: 10 } }),
      });
      const body = (await response.json()) as { data?: { orders: Array<{ payment: { status: string } | null }> }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.orders).toHaveLength(10);
      expect(body.data?.orders.every((order) => order.payment?.status === 'CAPTURED')).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
  });
});
