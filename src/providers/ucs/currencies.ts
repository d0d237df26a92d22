import type { CurrencyTable } from '../../model/currency.js';

/**
 * connector-service's own currency exponents, which its minor units follow (it converts them for
 * each connector with these). Copied from juspay/connector-service @ 22d83ab9a03e4a55f724a90e0ff8a24f3ca6abd2,
 * `crates/common/common_enums/src/enums.rs`, `Currency::number_of_digits_after_decimal_point` and the
 * `is_{zero,two,three,four}_decimal_currency` lists it reads. Where they differ from ISO 4217 this
 * table wins for UCS: ISK (ISO 0, UCS 2), MGA (ISO 2, UCS 0), IQD and LYD (ISO 3, UCS 2). A proto
 * currency in none of the lists is "UnsupportedCurrency" there, and unknown here.
 */
const ZERO = 'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF';
const THREE = 'BHD JOD KWD OMR TND';
const FOUR = 'CLF';
const TWO = [
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY',
  'COP CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF',
  'IDR ILS INR IQD IRR ISK JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MKD MMK MNT MOP MRU MUR',
  'MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD',
  'SHP SLE SLL SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER',
  'ZAR ZMW ZWL',
].join(' ');

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  (
    [
      [ZERO, 0],
      [TWO, 2],
      [THREE, 3],
      [FOUR, 4],
    ] as const
  ).flatMap(([codes, exponent]) => codes.split(' ').map((code): [string, number] => [code, exponent])),
);

export const UCS_CURRENCIES: CurrencyTable = {
  exponentOf: (code) => EXPONENTS.get(code),
};
