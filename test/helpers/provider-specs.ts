import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The providers' official OpenAPI specs, vendored in test/fixtures/provider-specs (copied unchanged
 * from the providers' repositories; see test/fixtures/README.md): status tables and the fidelity test
 * read the specs' own enums and schemas, so a value the provider documents cannot be missed.
 */
export interface OpenApiDocument {
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>> };
}

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly examples?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly nullable?: boolean;
}

const specFile = (name: string) => new URL(`../fixtures/provider-specs/${name}`, import.meta.url);

export const primerSpec = (): OpenApiDocument => parseYaml(readFileSync(specFile('primer-payments-openapi.yml'), 'utf8')) as OpenApiDocument;
export const gr4vySpec = (): OpenApiDocument => JSON.parse(readFileSync(specFile('gr4vy-openapi.json'), 'utf8')) as OpenApiDocument;

/** The string values of an enum schema in a spec. */
export function specEnum(spec: OpenApiDocument, schema: string): string[] {
  const values = spec.components.schemas[schema]?.enum;
  if (!values) throw new Error(`the spec has no enum ${schema}`);
  return values.filter((value): value is string => typeof value === 'string');
}
