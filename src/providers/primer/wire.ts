import { z } from 'zod';
import { jsonInteger } from '../wire-numbers.js';

/**
 * Primer's `GET /payments/{id}` bodies, from the official spec
 * (vendored in test/fixtures/provider-specs/primer-payments-openapi.yml, `PaymentAPIResponse`, API version 2.4).
 * The spec has no `required` list for the payment, so everything beyond id and status is optional;
 * unknown fields are ignored (zod strips them) so Primer can add fields without breaking us.
 */
const text = z.string().nullish();
const minorUnits = jsonInteger.nullish();

/** The documented `PaymentStatus` values; anything else maps to UNKNOWN. */
export const PRIMER_PAYMENT_STATUSES = [
  'PENDING',
  'FAILED',
  'AUTHORIZED',
  'SETTLING',
  'PARTIALLY_SETTLED',
  'SETTLED',
  'DECLINED',
  'CANCELLED',
] as const;
export type PrimerPaymentStatus = (typeof PRIMER_PAYMENT_STATUSES)[number];

export const primerStatusReasonSchema = z.object({
  type: text,
  declineType: text,
  code: text,
  message: text,
  paymentMethodResultCode: text,
  paymentMethodResultMessage: text,
  advisedAction: text,
});

/**
 * `TransactionOverviewAPISchema`. The spec's properties say `transactionType`/`processorStatus`
 * while its own example (and required list) say `type`/`status`: both are accepted
 * (docs/providers.md, Primer).
 */
export const primerTransactionSchema = z.object({
  id: text,
  date: text,
  amount: minorUnits,
  currencyCode: text,
  transactionType: text,
  type: text,
  processorTransactionId: text,
  processorName: text,
  processorMerchantId: text,
  processorStatus: text,
  status: text,
  processorStatusReason: primerStatusReasonSchema.nullish(),
  reason: text,
});

/** `PaymentCardTokenAPISchema`: only the first six and last four digits are ever sent. */
export const primerCardDataSchema = z.object({
  first6Digits: text,
  last4Digits: text,
  expirationMonth: text,
  expirationYear: text,
  cardholderName: text,
  network: text,
  binData: z
    .object({
      network: text,
      issuerCountryCode: text,
      issuerName: text,
      accountFundingType: text,
      productName: text,
    })
    .nullish(),
});

export const primerPaymentSchema = z.object({
  id: z.string().min(1),
  date: text,
  dateUpdated: text,
  status: z.string().min(1),
  orderId: text,
  currencyCode: text,
  amount: minorUnits,
  customerId: text,
  /** Spec: `emailAddress`; the spec's and seed's examples: `email`. */
  customer: z
    .object({ emailAddress: text, email: text, firstName: text, lastName: text, mobileNumber: text })
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  paymentMethod: z
    .object({
      paymentMethodType: text,
      paymentMethodData: primerCardDataSchema.nullish(),
    })
    .nullish(),
  /** Spec: `processorMerchantId`; the seed's example: `processor_merchant_id`. */
  processor: z
    .object({
      name: text,
      processorMerchantId: text,
      processor_merchant_id: text,
      amountCaptured: minorUnits,
      amountRefunded: minorUnits,
    })
    .nullish(),
  requiredAction: z.object({ name: text, description: text }).nullish(),
  statusReason: primerStatusReasonSchema.nullish(),
  transactions: z.array(primerTransactionSchema).nullish(),
});

export type PrimerPayment = z.output<typeof primerPaymentSchema>;
export type PrimerTransaction = z.output<typeof primerTransactionSchema>;
export type PrimerStatusReason = z.output<typeof primerStatusReasonSchema>;

/** `ErrorObject` envelope shared by every Primer error response. */
export const primerErrorSchema = z.object({
  error: z.object({ errorId: z.string(), description: text, diagnosticsId: text }),
});
