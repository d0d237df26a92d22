import { loadConfig } from './config/app-config.js';
import { ConfigError } from './env/env-helpers.js';
import { buildService } from './service/build-service.js';

/** Starts the subgraph: config → providers (live or simulated) → HTTP server → signal handling. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const { logger, registry, app } = await buildService(config);
  const address = await app.http.listen({ host: config.host, port: config.port });
  app.lifecycle.markListening();
  registry.sendSimulatorWebhooksTo(address);
  logger.info({ address, providers: registry.describe() }, `payments subgraph ready at ${address}/graphql`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const { shutdownReadinessDelayMs: readinessDelayMs, shutdownDrainMs: drainMs } = config;
    logger.info({ signal, readinessDelayMs, drainMs }, 'shutting down: readiness off, then draining in-flight requests');
    // Readiness turns 503 now; the listener keeps serving until load balancers have seen it.
    app.lifecycle.markDraining();
    const deadline = setTimeout(() => {
      logger.error('drain deadline passed; exiting with requests still in flight');
      process.exit(1);
    }, readinessDelayMs + drainMs);
    deadline.unref();
    new Promise((resolve) => setTimeout(resolve, readinessDelayMs)).then(() => app.close()).then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a repeated signal must find our handler (and be ignored while draining) rather
  // than fall through to the default, which would kill the process mid-drain.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`payments subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
