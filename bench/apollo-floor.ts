/**
 * Bench helper process: the framework's own floor. Apollo Server 5 on Fastify (the design card's
 * choice, wired as the subgraph wires it) answering `payment(id)` from a resolver that returns a
 * constant: no provider call, no loader, no validation rules of ours. What it costs per request is the
 * least any subgraph on this stack can cost. Prints `APOLLO_FLOOR http://127.0.0.1:port` when listening.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

const http = Fastify();
const apollo = new ApolloServer({
  typeDefs: 'type Query { payment(id: ID!): Payment } type Payment { id: ID! status: String! }',
  resolvers: { Query: { payment: (_: unknown, { id }: { id: string }) => ({ id, status: 'SETTLED' }) } },
  plugins: [fastifyApolloDrainPlugin(http), ApolloServerPluginCacheControlDisabled()],
});
await apollo.start();
await http.register(fastifyApollo(apollo));
const address = await http.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`APOLLO_FLOOR ${address}\n`);
process.on('SIGTERM', () => {
  void apollo.stop().then(() => process.exit(0));
});
