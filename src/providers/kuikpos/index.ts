import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { allOrNone, ConfigError, httpUrl, parseEnv } from '../../env/env-helpers.js';
import { Secret } from '../../security/secret.js';
import { HttpSimulator } from '../../simulation/http-simulator.js';
import { kuikposWebhook } from './webhook.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import { createKuikposAdapter, type KuikposConnection } from './client.js';
import { KUIKPOS_FAULTS, KUIKPOS_GENERATED_ID_PREFIX } from './fixtures.js';
import { kuikposSimulator } from './simulator.js';

const kuikposEnv = z.object({
  KUIKPOS_API_KEY: z.string().optional(),
  KUIKPOS_API_SECRET: z.string().optional(),
  KUIKPOS_BASE_URL: httpUrl.optional(),
});

function setup(connection: KuikposConnection): ProviderSetup {
  return { target: connection.baseUrl, createAdapter: (calls) => Promise.resolve(createKuikposAdapter(connection, calls)) };
}

export const kuikposModule: ProviderModule<'KUIKPOS'> = {
  provider: 'KUIKPOS',
  variables: Object.keys(kuikposEnv.shape),
  webhook: kuikposWebhook,
  fromEnv(env) {
    const parsed = parseEnv(kuikposEnv, env);
    if (!allOrNone(parsed, ['KUIKPOS_API_KEY', 'KUIKPOS_API_SECRET'])) return undefined;
    // KuikPOS publishes no production host (its docs show a UAT host and api.example.com): say where.
    if (!parsed.KUIKPOS_BASE_URL) throw new ConfigError(['KUIKPOS_BASE_URL: required when KuikPOS credentials are set (there is no public default host)']);
    return setup({
      baseUrl: parsed.KUIKPOS_BASE_URL,
      apiKey: new Secret(parsed.KUIKPOS_API_KEY as string),
      apiSecret: new Secret(parsed.KUIKPOS_API_SECRET as string),
    });
  },
  sampleIds: { generated: (n) => `${KUIKPOS_GENERATED_ID_PREFIX}${String(n)}`, faults: KUIKPOS_FAULTS },
  simulatedCredentials: () => ({ KUIKPOS_API_KEY: `sim_${randomBytes(16).toString('hex')}`, KUIKPOS_API_SECRET: `sim_${randomBytes(16).toString('hex')}` }),
  simulatorTarget: (url) => ({ KUIKPOS_BASE_URL: url }),
  async simulate(knobs, credentials = kuikposModule.simulatedCredentials()) {
    const apiKey = credentials['KUIKPOS_API_KEY'] ?? '';
    const apiSecret = credentials['KUIKPOS_API_SECRET'] ?? '';
    const simulator = await HttpSimulator.start(kuikposSimulator({ apiKey, apiSecret }), knobs);
    return { simulator, setup: setup({ baseUrl: simulator.url, apiKey: new Secret(apiKey), apiSecret: new Secret(apiSecret) }) };
  },
};
