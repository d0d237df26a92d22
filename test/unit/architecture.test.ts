import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/model/provider.js';
import { PROVIDER_MODULES } from '../../src/providers/modules.js';

/**
 * The layering of docs/architecture.md, checked on the code itself: every import in src/ points to
 * its own folder or a lower layer, so that a change stays in its layer and cycles cannot start.
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LAYERS: Readonly<Record<string, number>> = {
  'main.ts': 10,
  service: 9,
  config: 8,
  server: 7,
  graphql: 6,
  loading: 5,
  live: 5,
  coordination: 4,
  providers: 4,
  resilience: 3,
  simulation: 3,
  errors: 2,
  log: 2,
  metrics: 2,
  telemetry: 2,
  model: 1,
  request: 1,
  env: 1,
  security: 1,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm;

describe('architecture', () => {
  it('has every import of src/ point down the layers or within its own folder', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = layerOf(file);
      expect(LAYERS[from], `${from} has no layer in this test and docs/architecture.md`).toBeDefined();
      for (const [, target] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const to = layerOf(resolve(dirname(file), target!));
        if (to !== from && LAYERS[to]! > LAYERS[from]!) upward.push(`${relative(SRC, file)} → ${target!}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has a provider module for every value of the schema\'s Provider enum, and only those', () => {
    const schema = parse(readFileSync(new URL('../../schema/payments.graphql', import.meta.url), 'utf8'));
    const providerEnum = schema.definitions.find((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'Provider');
    const values = providerEnum?.kind === Kind.ENUM_TYPE_DEFINITION ? (providerEnum.values ?? []).map((value) => value.name.value) : [];
    expect(values.length).toBeGreaterThan(0);
    // The generated list is the schema's (codegen drift is also checked in CI).
    expect([...PROVIDERS]).toEqual(values);
    expect(Object.keys(PROVIDER_MODULES).sort()).toEqual([...values].sort());
    for (const [key, module] of Object.entries(PROVIDER_MODULES)) expect(module.provider).toBe(key);
  });

  it('loads grpc-js only once connector-service is used: a service without UCS does not carry it', () => {
    // A fresh process, since this one may have loaded it for another test. The service's whole
    // module graph is imported, as main.ts does; then a UCS adapter is made, which must load it.
    const script = `
      import { createRequire } from 'node:module';
      const grpcLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('@grpc'));
      await import('./src/service/build-service.ts');
      const { PROVIDER_MODULES } = await import('./src/providers/modules.ts');
      const { DEFAULT_CALL_SETTINGS } = await import('./src/providers/call-settings.ts');
      const before = grpcLoaded();
      const setup = PROVIDER_MODULES.UCS.fromEnv({ UCS_ADDRESS: '127.0.0.1:1', UCS_CONNECTOR: 'Stripe', UCS_CONNECTOR_CONFIG: '{}' });
      const adapter = await setup.createAdapter(DEFAULT_CALL_SETTINGS);
      await adapter.close?.();
      console.log(JSON.stringify({ before, after: grpcLoaded() }));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({ before: false, after: true });
  });
});
