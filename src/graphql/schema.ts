import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type GraphQLSchema } from 'graphql';
import { enforceAccessControl } from './access-control.js';
import { filterOutgoingStrings } from './outgoing-strings.js';
import { resolvers } from './resolvers/index.js';

/** schema/ sits two levels above this file both in src/graphql and in the build's dist/src/graphql (build copies it). */
export const SCHEMA_FILE = new URL('../../schema/payments.graphql', import.meta.url);

export function readSchemaSdl(): string {
  return readFileSync(SCHEMA_FILE, 'utf8');
}

export function buildPaymentsSchema(): GraphQLSchema {
  const schema = buildSubgraphSchema({
    typeDefs: parse(readSchemaSdl()),
    // The generated `Resolvers` type is stricter than @apollo/subgraph's untyped resolver map.
    resolvers: resolvers as unknown as GraphQLResolverMap<unknown>,
  });
  return enforceAccessControl(filterOutgoingStrings(schema));
}
