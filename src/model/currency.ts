import currencyCodes from 'currency-codes';

/**
 * How many decimals an amount in a currency (or crypto asset) has: the exponent that turns minor
 * units into major units (JPY 0, USD 2, KWD 3, BTC 8). Where a provider has its own table (UCS), its
 * adapter brings that table instead of this one.
 */
export interface CurrencyTable {
  /** The number of decimals of `code` (upper case), or undefined when this table does not know it. */
  exponentOf(code: string): number | undefined;
}

/**
 * ISO 4217 codes whose minor unit the standard gives as "N.A." (precious metals, funds codes, the
 * testing and no-currency codes). `currency-codes` reports 0 for them, which would be a guess: an
 * amount in one of these has no known number of decimals.
 */
const ISO_WITHOUT_MINOR_UNIT = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

/**
 * Withdrawn ISO 4217 codes that providers still allow (Primer's `Currency` enum lists BYR, HRK, MRO and
 * ZWL), with the minor unit ISO 4217's list of historic denominations (List Three) gives for each.
 * Reviewed by hand; `currency-codes` carries current codes only. A current code always wins over this.
 */
const ISO_HISTORIC_EXPONENTS: ReadonlyMap<string, number> = new Map(Object.entries({
  BYR: 0, // Belarusian ruble (2000-2016), replaced by BYN
  HRK: 2, // Croatian kuna, replaced by EUR in 2023
  MRO: 2, // Mauritanian ouguiya (to 2018), replaced by MRU
  ZWL: 2, // Zimbabwe dollar (2009-2024), replaced by ZWG
  LTL: 2, // Lithuanian litas, replaced by EUR in 2015
  LVL: 2, // Latvian lats, replaced by EUR in 2014
  EEK: 2, // Estonian kroon, replaced by EUR in 2011
  SKK: 2, // Slovak koruna, replaced by EUR in 2009
  STD: 2, // São Tomé and Príncipe dobra (to 2018), replaced by STN
  VEF: 2, // Venezuelan bolívar fuerte (to 2018), replaced by VES
}));

/**
 * Crypto assets OrcaRail settles in (its intents carry `usdt`, `usdc`, `btc`, `eth`): no ISO code, so
 * the decimals are each asset's own smallest unit, from the asset's own definition:
 * - BTC 8: the satoshi, `COIN = 100000000` (bitcoin/bitcoin `src/consensus/amount.h`);
 * - ETH 18: the wei (ethereum.org "Ether denominations"; Ethereum yellow paper, appendix E);
 * - USDT 6: Tether's ERC-20 and TRC-20 contracts declare `decimals = 6` (tether.to "Supported protocols");
 * - USDC 6: Circle's FiatToken contract declares `decimals = 6` (circlefin/stablecoin-evm).
 * ETH in wei exceeds int64 above ~9.22 ETH: `Money.minorUnits` says so at its own path (see the
 * README, "Money"); `decimal` is exact for any amount.
 */
const CRYPTO_EXPONENTS: ReadonlyMap<string, number> = new Map(Object.entries({ BTC: 8, ETH: 18, USDT: 6, USDC: 6 }));

const ISO_CURRENT: ReadonlyMap<string, number> = new Map(
  currencyCodes.data.filter((entry) => !ISO_WITHOUT_MINOR_UNIT.has(entry.code)).map((entry) => [entry.code, entry.digits]),
);

/**
 * The table every provider but UCS uses: current ISO 4217 (from `currency-codes`, which tracks the ISO
 * maintenance agency's list), then the historic codes above, then the crypto assets above. Indexed
 * once, in maps (never a property lookup that `toString` could answer).
 */
export const STANDARD_CURRENCIES: CurrencyTable = {
  exponentOf(code) {
    return ISO_CURRENT.get(code) ?? ISO_HISTORIC_EXPONENTS.get(code) ?? CRYPTO_EXPONENTS.get(code);
  },
};

/** Three to five ASCII letters: what a currency or asset code may look like before it is looked up. */
const CODE_SHAPE = /^[A-Za-z]{3,5}$/;

/** A provider's currency as this service spells it (upper case), or undefined when it is not a code at all. */
export function currencyCode(raw: string | null | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed && CODE_SHAPE.test(trimmed) ? trimmed.toUpperCase() : undefined;
}

export function currencyExponent(code: string, table: CurrencyTable = STANDARD_CURRENCIES): number | undefined {
  return table.exponentOf(code.toUpperCase());
}
