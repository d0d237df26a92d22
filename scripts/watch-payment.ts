/**
 * Watches one payment over the subgraph's paymentUpdated subscription and prints each state as it
 * arrives: `npm run watch -- <id> [PROVIDER]` against `npm start` (README "Live updates").
 * SUBGRAPH_URL overrides where it connects (default ws://localhost:4001/graphql).
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [id = 'pay_journey_demo', provider = 'PRIMER'] = process.argv.slice(2);
const url = process.env['SUBGRAPH_URL'] ?? 'ws://localhost:4001/graphql';
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });

const started = Date.now();
client.subscribe(
  {
    query: `subscription Watch($id: ID!, $provider: Provider!) {
      paymentUpdated(id: $id, provider: $provider) { id status isFinal outcome nextAction { type } amount { decimal currency } }
    }`,
    variables: { id, provider },
  },
  {
    next: (result) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`+${seconds}s ${JSON.stringify(result)}\n`);
    },
    error: (error: unknown) => {
      process.stderr.write(`subscription failed: ${JSON.stringify(error)}\n`);
      process.exitCode = 1;
      void client.dispose();
    },
    complete: () => {
      process.stdout.write('complete: the payment is final\n');
      void client.dispose();
    },
  },
);
