import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSchemaSdl } from '../../src/graphql/schema.js';
import { composeWithApollo } from './compose.js';
import { ORDERS_TYPE_DEFS } from './orders-subgraph.js';
import { apiSchema, breakingChanges, compositionErrors, localSubgraphs, operationErrors } from './schema-checks.js';

const current = readSchemaSdl();
const baseline = readFileSync(new URL('../../schema/baseline/payments.graphql', import.meta.url), 'utf8');
const operationsDir = new URL('../../operations/', import.meta.url);

describe('schema gate (what CI runs as `npm run schema:check`)', () => {
  it('composes with the orders subgraph under both composers', () => {
    expect(compositionErrors(localSubgraphs(current))).toEqual([]);
  });

  it('reports a subgraph that conflicts with ours', () => {
    const conflicting = ORDERS_TYPE_DEFS.replace('provider: Provider!', 'provider: Int!');
    const errors = compositionErrors([
      { name: 'payments', url: 'http://payments', typeDefs: current },
      { name: 'orders', url: 'http://orders', typeDefs: conflicting },
    ]);
    expect(errors.some((error) => error.startsWith('@apollo/composition'))).toBe(true);
    expect(errors.some((error) => error.startsWith('@theguild/federation-composition'))).toBe(true);
  });

  it('has no breaking change against the committed baseline', async () => {
    expect(await breakingChanges(baseline, current)).toEqual([]);
  });

  it('flags removed fields and renamed enum values as breaking, added fields as not', async () => {
    const removed = current.replace(/\n {2}"{3}\n {2}Whether the state can no longer change[\s\S]*?"{3}\n {2}isFinal: Boolean!/, '');
    expect(removed).not.toContain('isFinal: Boolean!');
    expect((await breakingChanges(baseline, removed)).map((change) => change.message)).toEqual([
      "Field 'isFinal' was removed from object type 'Payment'",
    ]);
    const renamed = current.replace('  CAPTURED\n', '  SUCCEEDED\n');
    expect((await breakingChanges(baseline, renamed)).length).toBeGreaterThan(0);
    const added = current.replace('  providerStatus: String!\n', '  providerStatus: String!\n  "New."\n  riskScore: Int\n');
    expect(await breakingChanges(baseline, added)).toEqual([]);
  });

  it('validates the example operations against the composed supergraph', () => {
    const schema = apiSchema(composeWithApollo(localSubgraphs(current)).supergraphSdl!);
    const files = readdirSync(operationsDir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect([file, operationErrors(schema, readFileSync(new URL(file, operationsDir), 'utf8'))]).toEqual([file, []]);
    expect(operationErrors(schema, '{ orders(first: 1) { payment { notAField } } }')).toEqual([
      'Cannot query field "notAField" on type "Payment".',
    ]);
  });
});
