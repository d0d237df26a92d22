import { composeServices as composeWithApolloComposition } from '@apollo/composition';
import { composeServices as composeWithGuildComposition } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphDefinition {
  readonly name: string;
  readonly url: string;
  readonly typeDefs: string;
}

export type Composition = { readonly supergraphSdl: string; readonly errors: readonly [] } | { readonly supergraphSdl?: undefined; readonly errors: readonly string[] };

/** Apollo's composition (`@apollo/composition`), as Apollo Router and `@apollo/gateway` use it. */
export function composeWithApollo(subgraphs: readonly SubgraphDefinition[]): Composition {
  const result = composeWithApolloComposition(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parse(typeDefs) })));
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

/** The Guild's composition (`@theguild/federation-composition`), as Hive Gateway uses it. */
export function composeWithGuild(subgraphs: readonly SubgraphDefinition[]): Composition {
  const result = composeWithGuildComposition(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parse(typeDefs) })));
  if (result.errors?.length) return { errors: result.errors.map((error) => error.message) };
  if (!result.supergraphSdl) return { errors: ['no supergraph produced'] };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}
