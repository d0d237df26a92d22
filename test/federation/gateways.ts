import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

export interface GatewayResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestGateway {
  readonly name: string;
  execute(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GatewayResult>;
  stop(): Promise<void>;
}

/**
 * `@apollo/gateway` behind Apollo Server, executing in-process; subgraph calls are real HTTP.
 * `@apollo/gateway` refuses supergraphs that link features `for: SECURITY` (`@authenticated`,
 * `@requiresScopes`) because it cannot enforce them — only Apollo Router and Hive Gateway do. To
 * test the join through it, those links are relabelled as plain metadata here; enforcement of the
 * directives is shown through Hive Gateway.
 */
export async function startApolloGateway(supergraphSdl: string): Promise<TestGateway> {
  const loadable = supergraphSdl.replace(/,\s*for:\s*SECURITY\)/g, ')');
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: loadable }) });
  await server.start();
  return {
    name: '@apollo/gateway',
    async execute(query, variables = {}) {
      const response = await server.executeOperation({ query, variables });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return response.body.singleResult as GatewayResult;
    },
    stop: () => server.stop(),
  };
}

export interface HiveGatewayOptions {
  /** Reject operations whose estimated cost (from @cost/@listSize) exceeds this. */
  readonly maxCost?: number;
  /**
   * Enforce `@authenticated` / `@requiresScopes` per field. The test user comes from the
   * `x-test-scopes` header (absent: anonymous) — a stand-in for the JWT a real gateway would verify.
   */
  readonly enforceAuth?: boolean;
}

interface TestUser {
  readonly scopes: string[];
}

/** Hive Gateway's runtime (`@graphql-hive/gateway-runtime`), fetched in-process; subgraph calls are real HTTP. */
export function startHiveGateway(supergraph: string, options: HiveGatewayOptions = {}): TestGateway {
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    ...(options.maxCost ? { demandControl: { maxCost: options.maxCost, includeExtensionMetadata: true } } : {}),
    ...(options.enforceAuth
      ? {
          genericAuth: {
            mode: 'protect-granular' as const,
            resolveUserFn: (context: { request: Request }): TestUser | null => {
              const scopes = context.request.headers.get('x-test-scopes');
              return scopes === null ? null : { scopes: scopes.split(/\s+/).filter(Boolean) };
            },
            // Called for anonymous callers too (typed as always having a user, it receives null): no user, no scopes.
            extractScopes: (user: Partial<TestUser> | null) => user?.scopes ?? [],
            rejectUnauthenticated: false,
          },
        }
      : {}),
  });
  return {
    name: 'Hive Gateway',
    async execute(query, variables = {}, headers = {}) {
      const response = await runtime.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GatewayResult;
    },
    async stop() {
      await runtime[Symbol.asyncDispose]();
    },
  };
}
