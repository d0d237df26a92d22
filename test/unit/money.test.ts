import { describe, expect, it } from 'vitest';
import { currencyCode, currencyExponent } from '../../src/model/currency.js';
import {
  DecimalText,
  money,
  MoneyFormatError,
  moneyFromMajorDecimal,
  moneyFromMajorNumber,
  moneyFromMinor,
  toDecimalString,
} from '../../src/model/money.js';
import { UCS_CURRENCIES } from '../../src/providers/ucs/currencies.js';

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

  it.each([
    // Historic ISO 4217 (List Three), which Primer's Currency enum still allows.
    ['BYR', 0],
    ['HRK', 2],
    ['MRO', 2],
    ['ZWL', 2],
    // Crypto assets, in their smallest units.
    ['BTC', 8],
    ['ETH', 18],
    ['USDT', 6],
    ['USDC', 6],
  ])('%s has %i decimals (reviewed table)', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('knows no exponent where ISO 4217 gives none, or for an unknown code, rather than guessing', () => {
    for (const code of ['XAU', 'XTS', 'XXX', 'XDR', 'XFU', 'ABC', 'DOGE', 'toString', 'constructor']) {
      expect([code, currencyExponent(code)]).toEqual([code, undefined]);
    }
    expect(currencyCode(' eur ')).toBe('EUR');
    expect(currencyCode('usdt')).toBe('USDT');
    expect(currencyCode('US D')).toBeUndefined();
    expect(currencyCode('')).toBeUndefined();
  });

  it('has connector-service\'s own table for UCS, which differs from ISO 4217 for ISK, MGA, IQD and LYD', () => {
    expect(['ISK', 'MGA', 'IQD', 'LYD', 'USD', 'KWD', 'CLF'].map((code) => UCS_CURRENCIES.exponentOf(code))).toEqual([2, 0, 2, 2, 2, 3, 4]);
    expect(['ISK', 'MGA', 'IQD', 'LYD'].map((code) => currencyExponent(code))).toEqual([0, 2, 3, 3]);
    expect(UCS_CURRENCIES.exponentOf('BTC')).toBeUndefined();
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
    expect(moneyFromMajorDecimal(decimal, currency)).toEqual({ minorUnits: minor, currency, exponent: currencyExponent(currency) });
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
    expect(() => moneyFromMajorDecimal('-1.00', 'USD')).toThrow('negative');
  });

  it('says why an amount cannot be read', () => {
    const problem = (convert: () => unknown) => {
      try {
        convert();
      } catch (error) {
        return error instanceof MoneyFormatError ? error.problem : 'not a MoneyFormatError';
      }
      return 'no error';
    };
    expect(problem(() => moneyFromMajorDecimal('1.5', 'JPY'))).toBe('INEXACT_AMOUNT');
    expect(problem(() => moneyFromMajorDecimal('1.00', 'XYZ'))).toBe('UNKNOWN_CURRENCY');
    expect(problem(() => moneyFromMajorDecimal('-1.00', 'USD'))).toBe('NEGATIVE_AMOUNT');
    expect(problem(() => moneyFromMajorDecimal('1e5', 'USD'))).toBe('NOT_AN_AMOUNT');
  });

  it('reads numbers the lossless JSON reader kept as text or bigint, digit for digit', () => {
    expect(moneyFromMajorNumber(new DecimalText('12345678901234567.89'), 'USD').minorUnits).toBe(1_234_567_890_123_456_789n);
    expect(moneyFromMajorNumber(9_007_199_254_740_993n, 'JPY').minorUnits).toBe(9_007_199_254_740_993n);
  });
});

describe('minor units', () => {
  it('keeps int64-sized amounts exact, and larger ones too', () => {
    expect(moneyFromMinor(10_000_000_000, 'IDR').minorUnits).toBe(10_000_000_000n);
    expect(moneyFromMinor(2n ** 70n, 'ETH')).toEqual({ minorUnits: 2n ** 70n, currency: 'ETH', exponent: 18 });
    expect(moneyFromMinor('9223372036854775807', 'ISK', UCS_CURRENCIES).exponent).toBe(2);
    // A float beyond 2^53 has already lost digits: only the lossless reader's bigint is exact.
    expect(() => moneyFromMinor(2 ** 53 + 2, 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMinor(1.5, 'USD')).toThrow(MoneyFormatError);
    expect(() => moneyFromMinor(-1, 'USD')).toThrow('negative');
  });

  it.each([
    [12_999n, 'EUR', '129.99'],
    [7n, 'USD', '0.07'],
    [0n, 'USD', '0.00'],
    [1_234n, 'JPY', '1234'],
    [1_234n, 'KWD', '1.234'],
    [-550n, 'USD', '-5.50'],
    [9_223_372_036_854_775_807n, 'USD', '92233720368547758.07'],
    [12_000_000_000_000_000_001n, 'ETH', '12.000000000000000001'],
    [42_000n, 'BTC', '0.00042000'],
  ])('%s minor units of %s read %s', (minor, currency, decimal) => {
    expect(toDecimalString(money(minor, currency, currencyExponent(currency)!))).toBe(decimal);
  });
});
