import { currencyExponent, STANDARD_CURRENCIES, type CurrencyTable } from './currency.js';

/**
 * An amount of money. `minorUnits` is a bigint so that int64 amounts (IDR 100,000,000 is 10^10
 * minor units) and on-chain amounts (ETH in wei) never lose precision; floats are never used for
 * money. `exponent` is the number of decimals the amount was read with, so formatting never
 * guesses one.
 */
export interface Money {
  readonly minorUnits: bigint;
  /** ISO 4217 (or a crypto asset's ticker), upper case. */
  readonly currency: string;
  readonly exponent: number;
}

/** Why an amount a provider sent cannot be represented: each is a documented outcome, never a guess. */
export const AMOUNT_PROBLEMS = ['UNKNOWN_CURRENCY', 'INEXACT_AMOUNT', 'NEGATIVE_AMOUNT', 'NOT_AN_AMOUNT'] as const;
export type AmountProblem = (typeof AMOUNT_PROBLEMS)[number];

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';

  constructor(
    readonly problem: AmountProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A JSON number whose digits a float would change (more than 15 significant digits), kept as the
 * text the provider wrote. The lossless JSON reader produces it; integers become bigints instead.
 */
export class DecimalText {
  constructor(readonly text: string) {}
}

/** A number as a provider's JSON carried it, exactly. */
export type ExactNumber = number | bigint | DecimalText;

export function money(minorUnits: bigint, currency: string, exponent: number): Money {
  return { minorUnits, currency, exponent };
}

function exponentFor(currency: string, table: CurrencyTable): number {
  const exponent = currencyExponent(currency, table);
  // The code is 3-5 letters (see `currencyCode`), so naming it in the message echoes nothing sensitive.
  if (exponent === undefined) throw new MoneyFormatError('UNKNOWN_CURRENCY', `the number of decimals of ${currency} is not known`);
  return exponent;
}

function nonNegative(minor: bigint): bigint {
  if (minor < 0n) throw new MoneyFormatError('NEGATIVE_AMOUNT', 'the amount is negative');
  return minor;
}

/** A provider amount that may be absent; present without a currency, it cannot be read. */
export function optionalMoney<Value>(
  value: Value | null | undefined,
  currency: string | undefined,
  convert: (value: Value, currency: string) => Money,
): Money | undefined {
  if (value == null) return undefined;
  if (currency === undefined) throw new MoneyFormatError('UNKNOWN_CURRENCY', 'the amount has no recognisable currency');
  return convert(value, currency);
}

/** Integer minor units (Primer, Gr4vy, UCS), exact whatever their size. */
export function moneyFromMinor(minorUnits: ExactNumber | string, currency: string, table: CurrencyTable = STANDARD_CURRENCIES): Money {
  const exponent = exponentFor(currency, table);
  return money(nonNegative(exactInteger(minorUnits)), currency, exponent);
}

function exactInteger(value: ExactNumber | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new MoneyFormatError('NOT_AN_AMOUNT', 'the amount is not an exact integer of minor units');
}

const MAJOR_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Converts a major-unit decimal ("100.50" TRY, "1234" JPY) to minor units by string arithmetic:
 * the digits are shifted by the currency's exponent, never multiplied as a float.
 * More fractional digits than the currency has is an error unless they are zeros.
 */
export function moneyFromMajorDecimal(decimal: string, currency: string, table: CurrencyTable = STANDARD_CURRENCIES): Money {
  const exponent = exponentFor(currency, table);
  const match = MAJOR_DECIMAL.exec(decimal.trim());
  if (!match) throw new MoneyFormatError('NOT_AN_AMOUNT', 'the amount is not a decimal number');
  const [, sign = '', whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyFormatError('INEXACT_AMOUNT', `the amount has more decimals than ${currency} has (${String(exponent)})`);
  }
  const minor = BigInt(`${sign}${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`);
  return money(nonNegative(minor), currency, exponent);
}

/**
 * A JSON number in major units (KuikPOS sends `100.50`). A float's shortest round-trip text is
 * what the provider wrote whenever it has at most 15 significant digits; longer numbers reach here
 * as a bigint or a `DecimalText` from the lossless JSON reader, so no digit is ever invented.
 */
export function moneyFromMajorNumber(amount: ExactNumber, currency: string, table: CurrencyTable = STANDARD_CURRENCIES): Money {
  if (typeof amount === 'bigint') return moneyFromMajorDecimal(amount.toString(), currency, table);
  if (amount instanceof DecimalText) return moneyFromMajorDecimal(amount.text, currency, table);
  if (!Number.isFinite(amount)) throw new MoneyFormatError('NOT_AN_AMOUNT', 'the amount is not a finite number');
  const text = amount.toString();
  if (/e/i.test(text)) throw new MoneyFormatError('INEXACT_AMOUNT', 'the amount is outside the exact decimal range');
  return moneyFromMajorDecimal(text, currency, table);
}

/** "1234.50" for 123450 minor units of a 2-decimal currency; exponent 0 gives no decimal point. */
export function toDecimalString(amount: Money): string {
  const { exponent } = amount;
  const negative = amount.minorUnits < 0n;
  const digits = (negative ? -amount.minorUnits : amount.minorUnits).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

export function sameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.exponent === b.exponent;
}

/** The sum of amounts in one currency (the caller checks the currency first). */
export function sumMoney(amounts: readonly Money[], like: Money): Money {
  return money(
    amounts.reduce((total, amount) => total + amount.minorUnits, 0n),
    like.currency,
    like.exponent,
  );
}
