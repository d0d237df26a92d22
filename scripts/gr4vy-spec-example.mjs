// Builds an example body for a Gr4vy schema from the `examples` the official OpenAPI spec gives
// for each property (the spec has no whole-body examples). Used once to write the test fixtures:
//   node scripts/gr4vy-spec-example.mjs Transaction > test/fixtures/gr4vy/transaction.spec-example.json
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(new URL('../test/fixtures/provider-specs/gr4vy-openapi.json', import.meta.url), 'utf8'));
const schemas = spec.components.schemas;

function example(schema, depth = 0) {
  if (depth > 4 || !schema) return null;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.$ref) return example(schemas[schema.$ref.split('/').pop()], depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf) return example(schema.anyOf.find((s) => s.type !== 'null'), depth);
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'object' && schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, example(value, depth + 1)]));
  }
  if (schema.type === 'array') return [];
  return schema.default ?? null;
}

console.log(JSON.stringify(example(schemas[process.argv[2]]), null, 2));
