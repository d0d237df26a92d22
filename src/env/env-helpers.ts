import { z } from 'zod';

/** A configuration problem, always naming the environment variable at fault. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Parses the variables `schema` names; each failure is reported as `VARIABLE: message`. */
export function parseEnv<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, env: Env): z.output<z.ZodObject<Shape>> {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, emptyToUndefined(env[name])]),
  );
  const result = schema.safeParse(picked);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
}

/** An empty variable (`FOO=`) means unset, as in most twelve-factor tooling. */
function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Credentials that only work together (key and secret): true when all are set, false when none is,
 * and a ConfigError naming each missing one when only some are.
 */
export function allOrNone<Name extends string>(values: Readonly<Partial<Record<Name, string>>>, names: readonly Name[]): boolean {
  const missing = names.filter((name) => !values[name]);
  if (missing.length === names.length) return false;
  if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name}: required when any of ${names.join(', ')} is set`));
  return true;
}

export const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL');

/**
 * An integer setting written in plain decimal digits. `Number()` would also take `0x10`, `0b11`,
 * `1e3` or ` 12`: a typo in a limit must stop start-up, not become another number.
 */
export const decimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const positiveInt = (max: number) => decimalInt(1, max);
