import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * Sets each GraphQL response's `Cache-Control` from its `ResponseCacheHint`: a max-age only for
 * final payments and only when the operator opted in (`FINAL_PAYMENT_MAX_AGE_SECONDS`), `no-store`
 * otherwise. Apollo's own cache-control plugin stays off: its per-field hooks cost throughput, and
 * the rule here needs no schema annotation.
 */
export function cacheControlPlugin(maxAgeSeconds: number): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const hadErrors = result === undefined || (result.errors?.length ?? 0) > 0;
          response.http.headers.set('cache-control', contextValue.cacheHint.cacheControl(maxAgeSeconds, hadErrors));
          return Promise.resolve();
        },
      });
    },
  };
}
