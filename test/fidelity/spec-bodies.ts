import type { JsonSchema, OpenApiDocument } from '../helpers/provider-specs.js';

/**
 * Randomized bodies that an OpenAPI spec allows, for the fidelity test: what Stoplight Prism's
 * dynamic mode does, in-process and seeded, so a failing body can be reproduced from its seed.
 * It walks the spec's own JSON Schemas ($ref, allOf/anyOf/oneOf, enums, nullability, required and
 * optional properties, integer bounds and int64) and deliberately visits the corners a spec allows
 * and a happy-path example never shows: nulls, empty strings, zero, negative and huge integers,
 * missing optional sections, codes that only match a pattern.
 */
export class SpecBodies {
  readonly #random: () => number;

  constructor(
    private readonly spec: OpenApiDocument,
    seed: number,
  ) {
    this.#random = mulberry32(seed);
  }

  /** One body for `components.schemas[name]`. */
  body(name: string): Record<string, unknown> {
    const value = this.#value({ $ref: `#/components/schemas/${name}` }, 0);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${name} is not an object schema`);
    return value as Record<string, unknown>;
  }

  #chance(probability: number): boolean {
    return this.#random() < probability;
  }

  #pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.#random() * values.length)]!;
  }

  #resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = this.spec.components.schemas[name];
    if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
    return this.#resolve(target);
  }

  #value(raw: JsonSchema, depth: number): unknown {
    const schema = this.#resolve(raw);
    if (schema.allOf) {
      // Objects merge; a scalar wrapped in allOf (a $ref with a title beside it) is that scalar.
      const parts = schema.allOf.map((part) => this.#value(part, depth));
      return parts.every(isPlainObject) ? Object.assign({}, ...parts) : parts[0];
    }
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return this.#value(this.#pick(choices), depth);
    if (schema.const !== undefined) return schema.const;
    if (schema.nullable && this.#chance(0.15)) return null;
    if (schema.enum) return this.#pick(schema.enum);
    const type = Array.isArray(schema.type) ? this.#pick(schema.type as readonly string[]) : (schema.type as string | undefined);
    switch (type ?? (schema.properties ? 'object' : 'string')) {
      case 'null':
        return null;
      case 'object':
        return this.#object(schema, depth);
      case 'array':
        return this.#array(schema, depth);
      case 'integer':
        return this.#integer(schema);
      case 'number':
        return this.#chance(0.5) ? this.#integer(schema) : Math.round((this.#random() - 0.2) * 1e6) / 100;
      case 'boolean':
        return this.#chance(0.5);
      default:
        return this.#string(schema);
    }
  }

  #object(schema: JsonSchema, depth: number): Record<string, unknown> {
    const required = new Set(schema.required ?? []);
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      // Deep optional sections are left out more often, so bodies stay small and finite.
      if (!required.has(name) && !this.#chance(depth < 2 ? 0.75 : 0.3)) continue;
      body[name] = depth > 6 ? null : this.#value(property, depth + 1);
    }
    return body;
  }

  #array(schema: JsonSchema, depth: number): unknown[] {
    if (!schema.items || depth > 5) return [];
    const length = Math.max(schema.minItems ?? 0, Math.floor(this.#random() * 4));
    return Array.from({ length }, () => this.#value(schema.items!, depth + 1));
  }

  /** Integers from every region a spec allows: zero, small, large, negative, beyond 2^53 (as bigint). */
  #integer(schema: JsonSchema): number | bigint {
    const min = schema.minimum ?? Number.NEGATIVE_INFINITY;
    const max = schema.maximum ?? Number.POSITIVE_INFINITY;
    const candidates: Array<number | bigint> = [0, 1, 1299, 5_000, 99_999_999, 10_000_000_000, -1, -1299];
    if (schema.format === 'int64' || schema.maximum === undefined) candidates.push(9_007_199_254_740_993n, 9_223_372_036_854_775_807n);
    const allowed = candidates.filter((value) => Number(value) >= min && Number(value) <= max);
    return allowed.length > 0 ? this.#pick(allowed) : Math.max(min, Math.min(max, 0));
  }

  #string(schema: JsonSchema): string {
    if (schema.format === 'uuid') return uuid(this.#random);
    if (schema.format === 'date-time') return this.#pick(['2013-07-16T19:23:00.000+00:00', '2026-11-20T10:15:00Z', '2021-02-21T15:36:16.367687']);
    if (schema.pattern === '^[A-Z]{3}$') {
      // Any three capitals match the pattern; most are no ISO 4217 code.
      return this.#chance(0.5) ? this.#pick(['USD', 'EUR', 'JPY', 'KWD']) : letters(this.#random, 3);
    }
    const examples = schema.examples ?? (schema.example === undefined ? [] : [schema.example]);
    const strings = examples.filter((example): example is string => typeof example === 'string');
    if (strings.length > 0 && this.#chance(0.7)) return this.#pick(strings);
    const length = Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 12, this.#pick([0, 1, 8, 12])));
    return letters(this.#random, length).toLowerCase();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A small, fast, seedable PRNG (public domain), so each run's bodies can be regenerated exactly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function letters(random: () => number, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
