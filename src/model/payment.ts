import type { Money } from './money.js';
import type { Provider } from './provider.js';
import type { UnreadableFields } from './readable-amounts.js';
import type { AmountDiscrepancy, RefundState } from './refunds.js';
import type { PaymentStatus } from './status.js';

/** The payment's amount fields: each one that could not be represented is listed in `unreadable`. */
export type PaymentAmountField = 'amount' | 'authorizedAmount' | 'capturedAmount' | 'refundedAmount' | 'merchantFee';

/**
 * Whose figure `amount` is. UCS's Get echoes back the amount its caller sent (connector-service
 * initialises the response amount from the request), so there it is the caller's expectation,
 * not the provider's proof.
 */
export type AmountSource = 'PROVIDER' | 'CALLER_EXPECTATION';

/**
 * The unified payment model. It imports neither GraphQL nor any provider's wire format: provider
 * transforms produce it and resolvers read it. Everything but the identity and status is optional,
 * because every provider leaves almost anything out (docs/providers.md, "Nullability").
 */
export interface Payment {
  /** Exactly the id that was asked for: a body for another id is refused before it gets here. */
  readonly id: string;
  readonly provider: Provider;
  readonly status: PaymentStatus;
  /** The provider's raw status string, kept verbatim for support tickets. */
  readonly providerStatus: string;
  /** Whether the state can no longer change by itself, from the provider's facts (see StatusReading). */
  readonly isFinal: boolean;
  readonly amount?: Money;
  readonly amountSource?: AmountSource;
  readonly authorizedAmount?: Money;
  readonly capturedAmount?: Money;
  readonly refundedAmount?: Money;
  readonly refundState?: RefundState;
  /** Amounts in the provider's body that contradict each other; empty when they agree. */
  readonly discrepancies: readonly AmountDiscrepancy[];
  /** Amount fields the provider sent that cannot be represented, and why. */
  readonly unreadable?: UnreadableFields<PaymentAmountField>;
  /**
   * Paths (never values) of fields in the provider's body that did not match its documented shape
   * and were left out, so that one odd secondary field does not sink the payment. Logged.
   */
  readonly droppedFields?: readonly string[];
  /** The merchant's order reference as the provider knows it. */
  readonly orderId?: string;
  readonly customer?: Customer;
  readonly card?: Card;
  readonly paymentMethodType?: string;
  /** Number of instalments the buyer pays in (KuikPOS `installmentCount`); 1 or unset for a single payment. */
  readonly installments?: number;
  /** What the provider charges the merchant for this payment (KuikPOS `merchantCommission`). */
  readonly merchantFee?: Money;
  /** The merchant's description of the payment. */
  readonly description?: string;
  readonly processor?: Processor;
  /** Transactions the provider returned with the payment. */
  readonly transactions?: Transaction[];
  /**
   * The provider keeps more of this payment's transactions behind another call (Gr4vy's refunds):
   * `transactions` then costs that call, made only when a query selects it, through the adapter's
   * `fetchTransactions`. The one place that decision is made.
   */
  readonly transactionsElsewhere?: true;
  readonly statusReason?: StatusReason;
  readonly nextAction?: NextAction;
  readonly metadata?: MetadataEntry[];
  readonly createdAt?: Date;
  readonly updatedAt?: Date;
  /** When this subgraph read the payment from the provider. */
  readonly fetchedAt: Date;
}

export interface Customer {
  readonly id?: string;
  readonly email?: string;
  readonly name?: string;
  readonly phone?: string;
}

/**
 * Card details safe to show: never more than the first 6-8 and last 4 digits of the PAN
 * (PCI DSS 3.4.1 allows "at most the BIN and last four digits" to be displayed).
 */
export interface Card {
  /** Normalised scheme: VISA, MASTERCARD, AMEX, … */
  readonly network?: string;
  readonly last4?: string;
  readonly bin?: string;
  readonly expiryMonth?: number;
  readonly expiryYear?: number;
  readonly holderName?: string;
  /** CREDIT, DEBIT, PREPAID, … */
  readonly funding?: string;
  /** ISO 3166-1 alpha-2. */
  readonly issuerCountry?: string;
  readonly issuerName?: string;
  /** Whether the card was used in its issuing country (KuikPOS `domInt`: DOM/INT). */
  readonly isDomestic?: boolean;
  /** The card's loyalty programme code (KuikPOS `loyaltyCode`). */
  readonly loyaltyProgram?: string;
  /** A domestic scheme the card is co-branded with (UCS `domestic_network`). */
  readonly domesticNetwork?: string;
}

export interface Processor {
  readonly name?: string;
  readonly merchantId?: string;
  readonly transactionId?: string;
  readonly authorizationCode?: string;
  readonly responseCode?: string;
  readonly responseMessage?: string;
}

export const TRANSACTION_TYPES = ['AUTHORIZATION', 'CAPTURE', 'SALE', 'REFUND', 'VOID', 'UNKNOWN'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface Transaction {
  readonly id?: string;
  readonly type: TransactionType;
  readonly status?: PaymentStatus;
  readonly providerStatus?: string;
  readonly amount?: Money;
  readonly unreadable?: UnreadableFields<'amount'>;
  readonly createdAt?: Date;
  readonly processorTransactionId?: string;
  /** For on-chain payments (OrcaRail): the blockchain transaction hash. */
  readonly blockchainHash?: string;
  readonly reason?: string;
}

export interface StatusReason {
  /** The provider's category of the outcome, e.g. Primer's ISSUER_DECLINED. */
  readonly category?: string;
  readonly code?: string;
  readonly message?: string;
  /** SOFT_DECLINE or HARD_DECLINE where the provider says. */
  readonly declineType?: string;
  readonly advisedAction?: string;
}

/** What the buyer or merchant must do next for the payment to proceed (3-D Secure, approval, paying a link). */
export interface NextAction {
  readonly type: string;
  readonly description?: string;
  readonly url?: string;
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: string;
}
