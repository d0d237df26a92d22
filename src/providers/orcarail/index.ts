import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { allOrNone, httpUrl, parseEnv } from '../../env/env-helpers.js';
import { Secret } from '../../security/secret.js';
import { HttpSimulator } from '../../simulation/http-simulator.js';
import { orcarailWebhook } from './webhook.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import { createOrcarailAdapter, ORCARAIL_PRODUCTION_URL, type OrcarailConnection } from './client.js';
import { ORCARAIL_FAULTS, ORCARAIL_GENERATED_ID_PREFIX } from './fixtures.js';
import { orcarailSimulator } from './simulator.js';

const orcarailEnv = z.object({
  ORCARAIL_API_KEY: z.string().optional(),
  ORCARAIL_API_SECRET: z.string().optional(),
  ORCARAIL_BASE_URL: httpUrl.optional(),
});

function setup(connection: OrcarailConnection): ProviderSetup {
  return { target: connection.baseUrl, createAdapter: (calls) => Promise.resolve(createOrcarailAdapter(connection, calls)) };
}

export const orcarailModule: ProviderModule<'ORCARAIL'> = {
  provider: 'ORCARAIL',
  variables: Object.keys(orcarailEnv.shape),
  webhook: orcarailWebhook,
  fromEnv(env) {
    const parsed = parseEnv(orcarailEnv, env);
    if (!allOrNone(parsed, ['ORCARAIL_API_KEY', 'ORCARAIL_API_SECRET'])) return undefined;
    return setup({
      baseUrl: parsed.ORCARAIL_BASE_URL ?? ORCARAIL_PRODUCTION_URL,
      apiKey: new Secret(parsed.ORCARAIL_API_KEY as string),
      apiSecret: new Secret(parsed.ORCARAIL_API_SECRET as string),
    });
  },
  sampleIds: { generated: (n) => `${ORCARAIL_GENERATED_ID_PREFIX}${String(n)}`, faults: ORCARAIL_FAULTS },
  simulatedCredentials: () => ({ ORCARAIL_API_KEY: `ak_sim_${randomBytes(12).toString('hex')}`, ORCARAIL_API_SECRET: `sk_sim_${randomBytes(12).toString('hex')}` }),
  simulatorTarget: (url) => ({ ORCARAIL_BASE_URL: url }),
  async simulate(knobs, credentials = orcarailModule.simulatedCredentials()) {
    const apiKey = credentials['ORCARAIL_API_KEY'] ?? '';
    const apiSecret = credentials['ORCARAIL_API_SECRET'] ?? '';
    const simulator = await HttpSimulator.start(orcarailSimulator({ apiKey, apiSecret }), knobs);
    return { simulator, setup: setup({ baseUrl: simulator.url, apiKey: new Secret(apiKey), apiSecret: new Secret(apiSecret) }) };
  },
};
