import type { MetadataEntry } from './payment.js';

/** Metadata values come as any JSON; only scalars are kept, as strings, in key order. */
export function metadataEntries(metadata: Readonly<Record<string, unknown>> | null | undefined): MetadataEntry[] | undefined {
  if (!metadata) return undefined;
  const entries = Object.entries(metadata)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .map(([key, value]) => ({ key, value: String(value) }));
  return entries.length > 0 ? entries : undefined;
}
