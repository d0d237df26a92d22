import { describe, expect, it } from 'vitest';
import { currencyExponent, normalizeCurrency } from '../../src/model/currency.js';
import {
  money,
  MoneyFormatError,
  moneyFromMajorDecimal,
  moneyFromMajorNumber,
  moneyFromMinorNumber,
  toDecimalString,
} from '../../src/model/money.js';

describe('currency exponents (ISO 4217 via currency-codes)', () => {
  it.each([
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['TRY', 2],
    ['IDR', 2],
    ['usd', 2],
  ])('%s has %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('knows no exponent for a non-ISO code', () => {
    expect(currencyExponent('USDC')).toBeUndefined();
    expect(normalizeCurrency('usdc')).toBeUndefined();
    expect(normalizeCurrency(' eur ')).toBe('EUR');
  });
});

describe('major-unit decimals to minor units, without floating point', () => {
  it.each([
    ['100.50', 'TRY', 10_050n],
    ['100.5', 'TRY', 10_050n],
    ['100', 'USD', 10_000n],
    ['0.07', 'USD', 7n],
    ['1234', 'JPY', 1_234n],
    ['1.234', 'KWD', 1_234n],
    ['100.000', 'JPY', 100n],
    ['92233720368547758.07', 'USD', 9_223_372_036_854_775_807n],
  ])('%s %s is %s minor units', (decimal, currency, minor) => {
    expect(moneyFromMajorDecimal(decimal, currency)).toEqual({ minorUnits: minor, currency });
  });

  it('is exact where float arithmetic is not (0.29 * 100 = 28.999999999999996)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(moneyFromMajorNumber(0.29, 'USD').minorUnits).toBe(29n);
    expect(moneyFromMajorNumber(100.5, 'TRY').minorUnits).toBe(10_050n);
  });

  it('refuses more decimals than the currency has, unknown currencies and non-numbers', () => {
    expect(() => moneyFromMajorDecimal('1.5', 'JPY')).toThrow(MoneyFormatError);
    expect(() => moneyFromMajorDecimal('1.001', 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMajorDecimal('1.00', 'XYZ')).toThrow(MoneyFormatError);
    expect(() => moneyFromMajorDecimal('1e5', 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMajorDecimal('', 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMajorNumber(1e21, 'USD')).toThrow(MoneyFormatError);
  });
});

describe('minor units', () => {
  it('keeps int64-sized amounts exact', () => {
    expect(moneyFromMinorNumber(10_000_000_000, 'IDR').minorUnits).toBe(10_000_000_000n);
    expect(() => moneyFromMinorNumber(2 ** 53 + 2, 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMinorNumber(1.5, 'USD')).toThrow(MoneyFormatError);
  });

  it.each([
    [12_999n, 'EUR', '129.99'],
    [7n, 'USD', '0.07'],
    [0n, 'USD', '0.00'],
    [1_234n, 'JPY', '1234'],
    [1_234n, 'KWD', '1.234'],
    [-550n, 'USD', '-5.50'],
    [9_223_372_036_854_775_807n, 'USD', '92233720368547758.07'],
  ])('%s minor units of %s read %s', (minor, currency, decimal) => {
    expect(toDecimalString(money(minor, currency))).toBe(decimal);
  });
});
