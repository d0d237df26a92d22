/**
 * Card network names differ by provider (Primer "Visa" and "VISA", Gr4vy "visa" and "diners-club",
 * KuikPOS "VISA"): one spelling for clients, SCREAMING_SNAKE_CASE (docs/providers.md, "Card networks").
 */
const NETWORK_ALIASES: Readonly<Record<string, string>> = {
  AMERICAN_EXPRESS: 'AMEX',
  DINERS: 'DINERS_CLUB',
  MASTER_CARD: 'MASTERCARD',
  CARTES_BANCAIRES: 'CARTES_BANCAIRES',
};

export function normalizeCardNetwork(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const upper = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (upper === '') return undefined;
  return NETWORK_ALIASES[upper] ?? upper;
}

/** "12" → 12; a month outside 1..12 is dropped rather than shown wrong. */
export function parseExpiryMonth(raw: string | number | null | undefined): number | undefined {
  const month = typeof raw === 'number' ? raw : Number.parseInt(raw ?? '', 10);
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined;
}

/** "2030" → 2030, "30" → 2030. */
export function parseExpiryYear(raw: string | number | null | undefined): number | undefined {
  const year = typeof raw === 'number' ? raw : Number.parseInt(raw ?? '', 10);
  if (!Number.isInteger(year) || year < 0) return undefined;
  return year < 100 ? 2000 + year : year;
}

/** Keeps a last-four value only when it is exactly four digits. */
export function cleanLast4(raw: string | null | undefined): string | undefined {
  return raw && /^\d{4}$/.test(raw) ? raw : undefined;
}

/** Keeps a BIN only when it is 6 to 8 digits (ISO/IEC 7812 BINs are 6 or 8). */
export function cleanBin(raw: string | null | undefined): string | undefined {
  return raw && /^\d{6,8}$/.test(raw) ? raw : undefined;
}
