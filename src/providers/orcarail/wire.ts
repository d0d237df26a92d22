import { z } from 'zod';

/**
 * OrcaRail `GET /api/v1/payment_intents/{id}` (seed 004). The seed's body is camelCase
 * (`paymentMethodTypes`, `paymentLink`, `latestTransaction`); the official Node SDK's types
 * (OrcaRail/sdks-node `PaymentIntent`) use snake_case for some of the same fields (`payment_link`,
 * `payment_method_types`, `return_url`) and add `client_secret`, `checkout_url`. Both are accepted:
 * keys are normalised to camelCase (`camelCaseKeys`) before validation.
 */
const text = z.string().nullish();
/** Amounts are decimal strings in major units (`"100.00"`). */
const decimal = z.string().regex(/^\d+(?:\.\d+)?$/, 'a decimal amount');

/** The documented intent statuses plus `completed`, which OrcaRail's webhooks and transactions use for success. */
export const ORCARAIL_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'processing',
  'succeeded',
  'completed',
  'canceled',
] as const;
export type OrcarailStatus = (typeof ORCARAIL_STATUSES)[number];

export const orcarailIntentSchema = z.object({
  id: z.string().min(1),
  amount: decimal.nullish(),
  currency: text,
  status: z.string().min(1),
  paymentMethodTypes: z.array(z.string()).nullish(),
  description: text,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  paymentLink: z.object({ link: text }).nullish(),
  latestTransaction: z
    .object({
      id: text,
      status: text,
      amount: decimal.nullish(),
      currency: text,
      hash: text,
      createdAt: text,
    })
    .nullish(),
  expiresAt: text,
  createdAt: text,
  updatedAt: text,
});

export type OrcarailIntent = z.output<typeof orcarailIntentSchema>;

const METADATA: ReadonlySet<string> = new Set(['metadata']);

/** snake_case → camelCase for object keys, recursively (values untouched; metadata keys kept as sent). */
export function camelCaseKeys(value: unknown, keepKeysOf: ReadonlySet<string> = METADATA): unknown {
  if (Array.isArray(value)) return value.map((item) => camelCaseKeys(item, keepKeysOf));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const camel = key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
      return [camel, keepKeysOf.has(camel) ? inner : camelCaseKeys(inner, keepKeysOf)];
    }),
  );
}

