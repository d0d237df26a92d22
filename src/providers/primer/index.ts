import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { httpUrl, parseEnv } from '../../config/env-helpers.js';
import { Secret } from '../../security/secret.js';
import { HttpSimulator } from '../../simulation/http-simulator.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import { createPrimerAdapter, PRIMER_PRODUCTION_URL, type PrimerConnection } from './client.js';
import { primerSimulator } from './simulator.js';

const primerEnv = z.object({
  PRIMER_API_KEY: z.string().optional(),
  PRIMER_BASE_URL: httpUrl.optional(),
});

function setup(connection: PrimerConnection): ProviderSetup {
  return {
    target: connection.baseUrl,
    createAdapter: (http) => Promise.resolve(createPrimerAdapter(connection, http)),
  };
}

export const primerModule: ProviderModule = {
  provider: 'PRIMER',
  variables: Object.keys(primerEnv.shape),
  fromEnv(env) {
    const parsed = parseEnv(primerEnv, env);
    if (!parsed.PRIMER_API_KEY) return undefined;
    return setup({ baseUrl: parsed.PRIMER_BASE_URL ?? PRIMER_PRODUCTION_URL, apiKey: new Secret(parsed.PRIMER_API_KEY) });
  },
  async simulate(knobs) {
    const apiKey = `sim_${randomBytes(16).toString('hex')}`;
    const simulator = await HttpSimulator.start(primerSimulator({ apiKey }), knobs);
    return { simulator, setup: setup({ baseUrl: simulator.url, apiKey: new Secret(apiKey) }) };
  },
};
