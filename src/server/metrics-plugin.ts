import type { ApolloServerPlugin } from '@apollo/server';
import type { ServiceMetrics } from '../metrics/service-metrics.js';

/** GraphQL requests counted and timed by operation name and outcome: ok, partial (data with errors), error. */
export function metricsPlugin<Context extends object>(metrics: ServiceMetrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const outcome = !result?.errors?.length ? 'ok' : result.data ? 'partial' : 'error';
          const labels = { operation: metrics.operationLabel(operationName), outcome };
          metrics.graphqlRequests.inc(labels);
          metrics.graphqlDuration.observe(labels, (performance.now() - started) / 1000);
          return Promise.resolve();
        },
      });
    },
  };
}
