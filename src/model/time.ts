/**
 * Parses a provider timestamp as UTC. Primer sends ISO strings without an offset
 * (`2021-02-21T15:36:16.367687`), documented as UTC, which `Date` would read as local time.
 */
export function parseUtcTimestamp(raw: string | null | undefined): Date | undefined {
  if (!raw) return undefined;
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(raw);
  const date = new Date(hasOffset ? raw : `${raw}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
