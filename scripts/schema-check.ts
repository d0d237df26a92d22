/**
 * CI's schema gate, and `npm run schema:baseline` to accept an intended change:
 *   1. the payments SDL composes with the test orders subgraph under @apollo/composition and
 *      @theguild/federation-composition;
 *   2. no breaking change against the committed baseline (schema/baseline/payments.graphql),
 *      judged by GraphQL Inspector;
 *   3. the example operations in operations/ validate against the composed supergraph.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readSchemaSdl } from '../src/graphql/schema.js';
import { composeWithApollo } from '../test/federation/compose.js';
import { apiSchema, breakingChanges, compositionErrors, localSubgraphs, operationErrors } from '../test/federation/schema-checks.js';

const BASELINE = new URL('../schema/baseline/payments.graphql', import.meta.url);
const OPERATIONS = new URL('../operations/', import.meta.url);
const current = readSchemaSdl();

if (process.argv.includes('--update-baseline')) {
  writeFileSync(BASELINE, current);
  console.log('schema/baseline/payments.graphql updated: commit it with the change that needed it.');
  process.exit(0);
}

const problems: string[] = [];
const subgraphs = localSubgraphs(current);
problems.push(...compositionErrors(subgraphs));

for (const change of await breakingChanges(readFileSync(BASELINE, 'utf8'), current)) {
  problems.push(`breaking change: ${change.message}`);
}

const supergraph = composeWithApollo(subgraphs).supergraphSdl;
if (supergraph) {
  const schema = apiSchema(supergraph);
  for (const file of readdirSync(OPERATIONS).filter((name) => name.endsWith('.graphql'))) {
    for (const error of operationErrors(schema, readFileSync(new URL(file, OPERATIONS), 'utf8'))) problems.push(`operations/${file}: ${error}`);
  }
}

if (problems.length > 0) {
  console.error(`schema check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  console.error('If a breaking change is intended, agree it with the clients, then run `npm run schema:baseline`.');
  process.exit(1);
}
console.log('schema check passed: composes under both composers, no breaking change against the baseline, example operations valid');
