import { z } from 'zod';
import { jsonInteger } from '../wire-numbers.js';

/**
 * Gr4vy's `GET /transactions/{transaction_id}` and `GET /transactions/{transaction_id}/refunds`
 * bodies, from the official spec (test/fixtures/provider-specs/gr4vy-openapi.json, schemas `Transaction`,
 * `Refunds`, `Error404`…). Only what the unified model needs is required; unknown fields are
 * ignored so that Gr4vy can add fields without breaking us.
 */
const text = z.string().nullish();
const minorUnits = jsonInteger.nullish();

/** `TransactionStatus`; anything else maps to UNKNOWN. */
export const GR4VY_TRANSACTION_STATUSES = [
  'processing',
  'buyer_approval_pending',
  'authorization_succeeded',
  'authorization_failed',
  'authorization_declined',
  'capture_pending',
  'capture_succeeded',
  'authorization_void_pending',
  'authorization_voided',
] as const;
export type Gr4vyTransactionStatus = (typeof GR4VY_TRANSACTION_STATUSES)[number];

/** `RefundStatus`. */
export const GR4VY_REFUND_STATUSES = ['processing', 'succeeded', 'failed', 'declined', 'voided'] as const;
export type Gr4vyRefundStatus = (typeof GR4VY_REFUND_STATUSES)[number];

export const gr4vyTransactionSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  currency: z.string().min(1),
  amount: jsonInteger,
  authorized_amount: minorUnits,
  captured_amount: minorUnits,
  refunded_amount: minorUnits,
  intent: text,
  external_identifier: text,
  merchant_account_id: text,
  reconciliation_id: text,
  method: text,
  payment_method: z
    .object({
      method: text,
      scheme: text,
      /** The last four digits for cards (spec example "1234"). */
      label: text,
      expiration_date: text,
      country: text,
      approval_url: text,
      details: z.object({ bin: text, card_type: text, card_issuer_name: text }).nullish(),
    })
    .nullish(),
  payment_service: z
    .object({ id: text, payment_service_definition_id: text, display_name: text, method: text })
    .nullish(),
  buyer: z
    .object({
      id: text,
      display_name: text,
      external_identifier: text,
      billing_details: z
        .object({ first_name: text, last_name: text, email_address: text, phone_number: text })
        .nullish(),
    })
    .nullish(),
  payment_service_transaction_id: text,
  raw_response_code: text,
  raw_response_description: text,
  auth_response_code: text,
  error_code: text,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: text,
  updated_at: text,
  authorized_at: text,
  captured_at: text,
  voided_at: text,
});

export const gr4vyRefundSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  currency: z.string().min(1),
  amount: jsonInteger,
  reason: text,
  payment_service_refund_id: text,
  created_at: text,
});

export const gr4vyRefundsSchema = z.object({
  items: z.array(gr4vyRefundSchema),
  next_cursor: text,
});

export type Gr4vyTransaction = z.output<typeof gr4vyTransactionSchema>;
export type Gr4vyRefund = z.output<typeof gr4vyRefundSchema>;

