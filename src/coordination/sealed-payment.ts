import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payment } from '../model/payment.js';
import { paymentKeyString, type PaymentKey } from '../model/provider.js';
import type { Secret } from '../security/secret.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A payment as it may leave this process for the shared store: JSON (bigints and dates tagged so
 * they come back as themselves), encrypted and authenticated with AES-256-GCM under the replicas'
 * shared key. The payment's own key is the additional data, so a sealed payment cannot be replayed
 * under another payment's key, and whoever reads Redis sees no customer's name, email or card.
 */
export class PaymentSeal {
  readonly #key: Buffer;

  /** `secret`: SHARED_STATE_KEY, any length of at least 32 characters; the AES key is its SHA-256. */
  constructor(secret: Secret) {
    this.#key = createHash('sha256').update(secret.reveal()).digest();
  }

  seal(payment: Payment): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv).setAAD(Buffer.from(paymentKeyString(payment)));
    const body = Buffer.concat([cipher.update(JSON.stringify(payment, tagged), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The payment sealed under `key`; undefined when it was sealed under another key, another secret, or altered. */
  open(key: PaymentKey, sealed: string): Payment | undefined {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES))
        .setAAD(Buffer.from(paymentKeyString(key)))
        .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      const payment = JSON.parse(json, untagged) as Payment;
      // Authenticated under this key already; checked again so no path can hand out another payment.
      return payment.id === key.id && payment.provider === key.provider ? payment : undefined;
    } catch {
      return undefined;
    }
  }
}

const BIGINT = '$bigint';
const DATE = '$date';

/** JSON has neither bigints (amounts) nor dates: each becomes a one-key tagged object. */
function tagged(this: unknown, key: string, value: unknown): unknown {
  // `value` is already Date#toJSON's string: the holder still has the Date itself.
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return { [DATE]: original.getTime() };
  if (typeof value === 'bigint') return { [BIGINT]: value.toString() };
  return value;
}

function untagged(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 1) return value;
  if (typeof record[BIGINT] === 'string') return BigInt(record[BIGINT]);
  if (typeof record[DATE] === 'number') return new Date(record[DATE]);
  return value;
}
