import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { httpUrl, parseEnv } from '../../env/env-helpers.js';
import { Secret } from '../../security/secret.js';
import { HttpSimulator } from '../../simulation/http-simulator.js';
import { DEFAULT_JOURNEY_MS } from '../../simulation/simulator-base.js';
import { primerWebhook } from './webhook.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import { createPrimerAdapter, PRIMER_PRODUCTION_URL, type PrimerConnection } from './client.js';
import { PRIMER_FAULTS, PRIMER_GENERATED_ID_PREFIX } from './fixtures.js';
import { primerSimulator } from './simulator.js';

const primerEnv = z.object({
  PRIMER_API_KEY: z.string().optional(),
  PRIMER_BASE_URL: httpUrl.optional(),
});

function setup(connection: PrimerConnection): ProviderSetup {
  return {
    target: connection.baseUrl,
    createAdapter: (calls) => Promise.resolve(createPrimerAdapter(connection, calls)),
  };
}

export const primerModule: ProviderModule<'PRIMER'> = {
  provider: 'PRIMER',
  variables: Object.keys(primerEnv.shape),
  webhook: primerWebhook,
  fromEnv(env) {
    const parsed = parseEnv(primerEnv, env);
    if (!parsed.PRIMER_API_KEY) return undefined;
    return setup({ baseUrl: parsed.PRIMER_BASE_URL ?? PRIMER_PRODUCTION_URL, apiKey: new Secret(parsed.PRIMER_API_KEY) });
  },
  sampleIds: { generated: (n) => `${PRIMER_GENERATED_ID_PREFIX}${String(n)}`, faults: PRIMER_FAULTS },
  simulatedCredentials: () => ({ PRIMER_API_KEY: `sim_${randomBytes(16).toString('hex')}` }),
  simulatorTarget: (url) => ({ PRIMER_BASE_URL: url }),
  async simulate(knobs, credentials = primerModule.simulatedCredentials()) {
    const apiKey = credentials['PRIMER_API_KEY'] ?? '';
    const simulator = await HttpSimulator.start(primerSimulator({ apiKey, journeyMs: knobs.journeyMs ?? DEFAULT_JOURNEY_MS }), knobs);
    return { simulator, setup: setup({ baseUrl: simulator.url, apiKey: new Secret(apiKey) }) };
  },
};
