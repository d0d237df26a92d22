import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, httpUrl, parseEnv } from '../../env/env-helpers.js';
import { Secret } from '../../security/secret.js';
import { HttpSimulator } from '../../simulation/http-simulator.js';
import { gr4vyWebhook } from './webhook.js';
import type { ProviderModule, ProviderSetup } from '../module.js';
import { Gr4vyKeyError, loadGr4vyPrivateKey } from './auth.js';
import { createGr4vyAdapter, gr4vyBaseUrl, type Gr4vyConnection } from './client.js';
import { GR4VY_FAULTS, GR4VY_GENERATED_ID_PREFIX } from './fixtures.js';
import { gr4vySimulator } from './simulator.js';

const gr4vyEnv = z.object({
  /** The instance id in `api.{id}.gr4vy.app`. */
  GR4VY_ID: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a Gr4vy instance id (lower-case letters, digits, -)').optional(),
  GR4VY_PRIVATE_KEY: z.string().optional(),
  GR4VY_PRIVATE_KEY_FILE: z.string().optional(),
  GR4VY_ENVIRONMENT: z.enum(['sandbox', 'production']).default('sandbox'),
  GR4VY_MERCHANT_ACCOUNT_ID: z.string().optional(),
  GR4VY_BASE_URL: httpUrl.optional(),
});

type Gr4vyEnv = z.output<typeof gr4vyEnv>;

function setup(connection: Gr4vyConnection): ProviderSetup {
  return { target: connection.baseUrl, createAdapter: (calls) => createGr4vyAdapter(connection, calls) };
}

/** A PEM from an environment variable, which env files often carry with `\n` escapes. */
const pemFromVariable = (value: string) => new Secret(value.replace(/\\n/g, '\n'));

/** The PEM from the variable or from the file. */
function privateKeyPem(parsed: Gr4vyEnv): { pem: Secret; variable: string } | undefined {
  if (parsed.GR4VY_PRIVATE_KEY && parsed.GR4VY_PRIVATE_KEY_FILE) {
    throw new ConfigError(['GR4VY_PRIVATE_KEY_FILE: set either GR4VY_PRIVATE_KEY or GR4VY_PRIVATE_KEY_FILE, not both']);
  }
  if (parsed.GR4VY_PRIVATE_KEY) {
    return { pem: pemFromVariable(parsed.GR4VY_PRIVATE_KEY), variable: 'GR4VY_PRIVATE_KEY' };
  }
  if (parsed.GR4VY_PRIVATE_KEY_FILE) {
    try {
      return { pem: new Secret(readFileSync(parsed.GR4VY_PRIVATE_KEY_FILE, 'utf8')), variable: 'GR4VY_PRIVATE_KEY_FILE' };
    } catch {
      throw new ConfigError(['GR4VY_PRIVATE_KEY_FILE: the file cannot be read']);
    }
  }
  return undefined;
}

export const gr4vyModule: ProviderModule<'GR4VY'> = {
  provider: 'GR4VY',
  variables: Object.keys(gr4vyEnv.shape),
  webhook: gr4vyWebhook,
  fromEnv(env) {
    const parsed = parseEnv(gr4vyEnv, env);
    const key = privateKeyPem(parsed);
    if (!key) {
      if (parsed.GR4VY_ID) throw new ConfigError(['GR4VY_PRIVATE_KEY: required when GR4VY_ID is set (or GR4VY_PRIVATE_KEY_FILE)']);
      return undefined;
    }
    if (!parsed.GR4VY_ID && !parsed.GR4VY_BASE_URL) {
      throw new ConfigError(['GR4VY_ID: required when a Gr4vy private key is set (or GR4VY_BASE_URL)']);
    }
    let privateKey: KeyObject;
    try {
      privateKey = loadGr4vyPrivateKey(key.pem);
    } catch (error) {
      if (error instanceof Gr4vyKeyError) throw new ConfigError([`${key.variable}: ${error.message}`]);
      throw error;
    }
    const baseUrl = parsed.GR4VY_BASE_URL ?? gr4vyBaseUrl(parsed.GR4VY_ID as string, parsed.GR4VY_ENVIRONMENT);
    return setup({
      baseUrl,
      privateKey,
      ...(parsed.GR4VY_MERCHANT_ACCOUNT_ID ? { merchantAccountId: parsed.GR4VY_MERCHANT_ACCOUNT_ID } : {}),
    });
  },
  sampleIds: { generated: (n) => `${GR4VY_GENERATED_ID_PREFIX}0000-4000-8000-${String(n % 1e12).padStart(12, '0')}`, faults: GR4VY_FAULTS },
  // A throwaway merchant key, as Gr4vy issues them: EC P-521. The simulator verifies with its public half.
  // Both halves leave the key-generation job as PEM, so no KeyObject shares that job's key data: on Node
  // 20.20 a GC that finalises a finished KeyGenJob while such a key is exported as JWK deadlocks (the
  // test run hung in KeyGenJob::~KeyGenJob, waiting on the key's lock that ExportJWKEcKey held). A
  // KeyObject made from the PEM (loadGr4vyPrivateKey) has its own key data.
  simulatedCredentials: () => ({
    GR4VY_PRIVATE_KEY: generateKeyPairSync('ec', {
      namedCurve: 'secp521r1',
      publicKeyEncoding: { format: 'pem', type: 'spki' },
      privateKeyEncoding: { format: 'pem', type: 'pkcs8' },
    }).privateKey,
  }),
  simulatorTarget: (url) => ({ GR4VY_BASE_URL: url }),
  async simulate(knobs, credentials = gr4vyModule.simulatedCredentials()) {
    const privateKey = loadGr4vyPrivateKey(pemFromVariable(credentials['GR4VY_PRIVATE_KEY'] ?? ''));
    const simulator = await HttpSimulator.start(await gr4vySimulator({ privateKey }), knobs);
    return { simulator, setup: setup({ baseUrl: simulator.url, privateKey, merchantAccountId: 'default' }) };
  },
};
