import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { printSchema, ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { composeWithApollo, composeWithGuild, type SubgraphDefinition } from './compose.js';
import { ORDERS_TYPE_DEFS } from './orders-subgraph.js';

/** The subgraphs of the local supergraph: payments (this service) and the test orders subgraph. */
export function localSubgraphs(paymentsSdl: string, urls = { payments: 'http://localhost:4001/graphql', orders: 'http://localhost:4002/graphql' }): SubgraphDefinition[] {
  return [
    { name: 'payments', url: urls.payments, typeDefs: paymentsSdl },
    { name: 'orders', url: urls.orders, typeDefs: ORDERS_TYPE_DEFS },
  ];
}

/** Composition problems under both composers (empty when both compose). */
export function compositionErrors(subgraphs: readonly SubgraphDefinition[]): string[] {
  return [
    ...composeWithApollo(subgraphs).errors.map((error) => `@apollo/composition: ${error}`),
    ...composeWithGuild(subgraphs).errors.map((error) => `@theguild/federation-composition: ${error}`),
  ];
}

function subgraphSchema(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl));
}

/** Changes from the committed baseline that would break existing clients (GraphQL Inspector's BREAKING). */
export async function breakingChanges(baselineSdl: string, currentSdl: string): Promise<Change[]> {
  const changes = await diff(subgraphSchema(baselineSdl), subgraphSchema(currentSdl));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/**
 * The client-facing (API) schema of a composed supergraph, as a router that supports its security
 * features serves it. Passed across as SDL: @apollo/federation-internals may load a different
 * build (CJS/ESM) of graphql than the caller, and schema objects do not cross that boundary.
 */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  const api = Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES }).apiSchema();
  return buildSchema(printSchema(api));
}

/** Validation errors of an operation document against a schema. */
export function operationErrors(schema: GraphQLSchema, document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}
