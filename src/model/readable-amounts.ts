import { MoneyFormatError, type AmountProblem, type Money } from './money.js';

/** An amount the provider sent that this service cannot represent, and why. */
export interface UnreadableField {
  readonly problem: AmountProblem;
  /** For logs and the field's error message; never carries the provider's raw value. */
  readonly reason: string;
}

export type UnreadableFields<Field extends string> = Readonly<Partial<Record<Field, UnreadableField>>>;

/**
 * Reads a payment's amounts one field at a time. An amount that cannot be represented (a currency
 * with no known number of decimals, more decimals than its currency has, a negative total) becomes
 * an unreadable field: `null` with a coded error at that field's path, the reason logged. It is
 * never guessed, and it never sinks the rest of the payment.
 */
export class AmountReader<Field extends string> {
  readonly #unreadable: Partial<Record<Field, UnreadableField>> = {};

  read(field: Field, convert: () => Money | undefined): Money | undefined {
    try {
      return convert();
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      this.#unreadable[field] = { problem: error.problem, reason: error.message };
      return undefined;
    }
  }

  /** Undefined when every amount was readable, so a clean payment carries no empty object. */
  get unreadable(): UnreadableFields<Field> | undefined {
    return Object.keys(this.#unreadable).length > 0 ? this.#unreadable : undefined;
  }
}
