import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { allOrNone, ConfigError, parseEnv } from '../../env/env-helpers.js';
import { Secret } from '../../security/secret.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import type { UcsConnection } from './client.js';
import { UCS_GENERATED_ID_PREFIX } from './sample-ids.js';

const ucsEnv = z.object({
  /** `host:port` of connector-service's gRPC server (its configs use port 8000; 8080 is metrics). */
  UCS_ADDRESS: z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port').optional(),
  /** The connector, as named in connector-service's `ConnectorSpecificConfig`: Stripe, Adyen, … */
  UCS_CONNECTOR: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a connector name such as Stripe or Adyen').optional(),
  /** The connector's credentials as a JSON object, e.g. {"api_key":"sk_test_…"}. */
  UCS_CONNECTOR_CONFIG: z.string().optional(),
  UCS_TLS: z.enum(['true', 'false']).default('false'),
  UCS_TLS_CA_FILE: z.string().optional(),
});

const VARIABLES = ['UCS_ADDRESS', 'UCS_CONNECTOR', 'UCS_CONNECTOR_CONFIG'] as const;

/**
 * The client and the simulator are loaded when first used: with grpc-js, proto-loader and protobufjs
 * they hold about 3.5 MiB of RSS (2.5 MiB of heap) that a deployment without connector-service, and
 * (a)'s bench, would otherwise carry idle.
 */
function setup(connection: UcsConnection): ProviderSetup {
  return {
    target: `grpc://${connection.address} (${connection.connector})`,
    async createAdapter(calls) {
      const { createUcsAdapter } = await import('./client.js');
      return createUcsAdapter(connection, calls);
    },
  };
}

/** `x-connector-config`: `{"config":{"Stripe":{"api_key":"…"}}}` (connector-service `auth.rs`). */
function connectorConfigHeader(connector: string, credentials: string): Secret {
  let parsed: unknown;
  try {
    parsed = JSON.parse(credentials);
  } catch {
    throw new ConfigError(['UCS_CONNECTOR_CONFIG: must be a JSON object of the connector\'s credentials']);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(['UCS_CONNECTOR_CONFIG: must be a JSON object of the connector\'s credentials']);
  }
  return new Secret(JSON.stringify({ config: { [connector]: parsed } }));
}

export const ucsModule: ProviderModule<'UCS'> = {
  provider: 'UCS',
  variables: Object.keys(ucsEnv.shape),
  fromEnv(env) {
    const parsed = parseEnv(ucsEnv, env);
    if (!allOrNone(parsed, VARIABLES)) return undefined;
    let ca: Buffer | undefined;
    if (parsed.UCS_TLS_CA_FILE) {
      try {
        ca = readFileSync(parsed.UCS_TLS_CA_FILE);
      } catch {
        throw new ConfigError(['UCS_TLS_CA_FILE: the file cannot be read']);
      }
    }
    const connector = parsed.UCS_CONNECTOR as string;
    return setup({
      address: parsed.UCS_ADDRESS as string,
      connector,
      connectorConfig: connectorConfigHeader(connector, parsed.UCS_CONNECTOR_CONFIG as string),
      ...(parsed.UCS_TLS === 'true' || ca ? { tls: ca ? { ca } : {} } : {}),
    });
  },
  sampleIds: { generated: (n) => `${UCS_GENERATED_ID_PREFIX}${String(n)}~1000~USD` },
  simulatedCredentials: () => ({ UCS_CONNECTOR: 'Stripe', UCS_CONNECTOR_CONFIG: JSON.stringify({ api_key: `sk_sim_${randomBytes(12).toString('hex')}` }) }),
  simulatorTarget: (url) => ({ UCS_ADDRESS: url }),
  async simulate(knobs, credentials = ucsModule.simulatedCredentials()) {
    const connector = credentials['UCS_CONNECTOR'] ?? '';
    const connectorConfig = connectorConfigHeader(connector, credentials['UCS_CONNECTOR_CONFIG'] ?? '');
    const { UcsSimulator } = await import('./simulator.js');
    const simulator = await UcsSimulator.start({ connectorConfig: connectorConfig.reveal() }, knobs);
    return { simulator, setup: setup({ address: simulator.url, connector, connectorConfig }) };
  },
};
