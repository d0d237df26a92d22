import { currencyExponent } from './currency.js';

/**
 * An amount of money. `minorUnits` is a bigint so that int64 amounts (IDR 100,000,000 is 10^10
 * minor units) never lose precision; floats are never used for money.
 */
export interface Money {
  readonly minorUnits: bigint;
  /** ISO 4217, upper case. */
  readonly currency: string;
}

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

export function money(minorUnits: bigint, currency: string): Money {
  return { minorUnits, currency: currency.toUpperCase() };
}

/** Integer minor units from a provider's JSON number; refuses what a JSON number cannot carry exactly. */
export function moneyFromMinorNumber(minorUnits: number, currency: string): Money {
  if (!Number.isSafeInteger(minorUnits)) {
    throw new MoneyFormatError(`amount ${String(minorUnits)} is not an exact integer`);
  }
  return money(BigInt(minorUnits), currency);
}

const MAJOR_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Converts a major-unit decimal ("100.50" TRY, "1234" JPY) to minor units by string arithmetic:
 * the digits are shifted by the currency's exponent, never multiplied as a float.
 * More fractional digits than the currency has is an error unless they are zeros.
 */
export function moneyFromMajorDecimal(decimal: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new MoneyFormatError(`unknown currency ${currency}`);
  const match = MAJOR_DECIMAL.exec(decimal.trim());
  if (!match) throw new MoneyFormatError(`"${decimal}" is not a decimal amount`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyFormatError(`"${decimal}" has more decimals than ${currency} allows (${String(exponent)})`);
  }
  const minor = BigInt(`${sign}${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`);
  return money(minor, currency);
}

/**
 * A JSON number in major units (KuikPOS sends `100.50`). The number's shortest round-trip decimal
 * representation is what the provider wrote, so it is converted through that string.
 */
export function moneyFromMajorNumber(amount: number, currency: string): Money {
  if (!Number.isFinite(amount)) throw new MoneyFormatError(`amount ${String(amount)} is not finite`);
  const text = amount.toString();
  if (/e/i.test(text)) throw new MoneyFormatError(`amount ${text} is out of the exact decimal range`);
  return moneyFromMajorDecimal(text, currency);
}

/** "1234.50" for 123450 minor units of a 2-decimal currency; exponent 0 gives no decimal point. */
export function toDecimalString(amount: Money): string {
  const exponent = currencyExponent(amount.currency) ?? 2;
  const negative = amount.minorUnits < 0n;
  const digits = (negative ? -amount.minorUnits : amount.minorUnits).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}
