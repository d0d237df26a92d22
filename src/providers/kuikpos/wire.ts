import { z } from 'zod';
import { jsonDecimal } from '../wire-numbers.js';

/**
 * KuikPOS `GET /api/payment/{paymentId}` → `ApiPaymentResponse` (seed 001; the same object as the
 * Direct Payment response, documented at vpos-uat.kuikpos.com.tr/docs/api.html). No published
 * schema beyond the field table, so only what identifies a payment is required; the rest is optional
 * and unknown fields are ignored.
 */
const text = z.string().nullish();

/** Statuses seen in KuikPOS's docs and examples; it publishes no full enum. Anything else is UNKNOWN. */
export const KUIKPOS_STATUSES = ['SUCCESS', 'FAILED', 'ENROLLED', 'CANCELLED'] as const;
export type KuikposStatus = (typeof KUIKPOS_STATUSES)[number];

export const kuikposPaymentSchema = z.object({
  paymentId: z.string().min(1),
  orderId: text,
  /** Major units as a JSON number (`100.50` TRY), read losslessly. */
  amount: jsonDecimal.nullish(),
  installmentCount: z.number().int().nonnegative().nullish(),
  currency: text,
  merchantCommission: jsonDecimal.nullish(),
  status: z.string().min(1),
  /** ISO 8601, e.g. `2023-05-01T14:30:00Z`: the only timestamp. */
  paymentDate: text,
  cardHolderName: text,
  /** Masked PAN, e.g. `411111******1111`. Only BIN and last four are ever read from it. */
  pan: text,
  /** DOM (domestic) or INT (international). */
  domInt: text,
  cardScheme: text,
  /** CREDIT, DEBIT. */
  cardType: text,
  loyaltyCode: text,
  externalTransactionId: text,
  authCode: text,
  resultCode: text,
  resultMessage: text,
  customerId: text,
  /**
   * Seen in the UAT docs (SALE / PRE_AUTH), absent from the seed's field table: the only field that
   * tells a sale's SUCCESS (money captured) from a pre-authorization's (money reserved).
   */
  transactionType: text,
});

export type KuikposPayment = z.output<typeof kuikposPaymentSchema>;
