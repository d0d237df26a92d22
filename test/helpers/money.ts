import type { Money } from '../../src/model/money.js';

/** A Money literal for assertions: `usd(1299)`-style helpers read better than object literals. */
export const money = (minorUnits: bigint | number, currency: string, exponent = 2): Money => ({
  minorUnits: BigInt(minorUnits),
  currency,
  exponent,
});
