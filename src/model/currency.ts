import currencyCodes from 'currency-codes';

/**
 * ISO 4217 minor-unit exponents (JPY 0, USD 2, KWD 3) from the `currency-codes` package, which
 * tracks the ISO 4217 maintenance agency's published list — a maintained source rather than a
 * hand-typed table (DESIGN.md §3). Indexed once: the package's own lookup scans its whole list,
 * and money is formatted several times per payment.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(currencyCodes.data.map((entry) => [entry.code, entry.digits]));

export function currencyExponent(currency: string): number | undefined {
  return EXPONENTS.get(currency.toUpperCase());
}

/** Normalises a currency code to ISO 4217 upper case; undefined when it is not a known ISO code. */
export function normalizeCurrency(raw: string): string | undefined {
  const upper = raw.trim().toUpperCase();
  return EXPONENTS.has(upper) ? upper : undefined;
}
