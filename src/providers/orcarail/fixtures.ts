import { FaultIds } from '../../simulation/faults.js';

/** OrcaRail simulator data: the seed's own example, then one intent per status, in both casings. */
type Body = Record<string, unknown>;

export const ORCARAIL_SEED_EXAMPLE = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  amount: '100.00',
  currency: 'usd',
  status: 'succeeded',
  paymentMethodTypes: ['crypto'],
  returnUrl: 'https://merchant.example.com/return',
  cancelUrl: 'https://merchant.example.com/cancel',
  description: 'Payment for services',
  metadata: { order_id: '12345', customer_id: '67890' },
  paymentLink: { id: 1, link: 'https://pay.orcarail.com/pay/pl_abc123' },
  latestTransaction: {
    id: 'txn_1234567890',
    status: 'completed',
    amount: '100.00',
    currency: 'usd',
    hash: '0x1234567890abcdef...',
    createdAt: '2024-01-01T00:00:00.000Z',
  },
  expiresAt: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
} as const;

function intent(id: string, status: string, overrides: Body = {}): Body {
  return {
    ...ORCARAIL_SEED_EXAMPLE,
    id,
    status,
    amount: '249.99',
    metadata: { order_id: `order-${id.slice(-4)}`, customer_id: 'cust-42' },
    paymentLink: { id: 7, link: `https://pay.orcarail.com/pay/pl_${id.slice(-6)}` },
    latestTransaction: null,
    expiresAt: '2099-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The SDK's `PaymentIntent` shape: snake_case for these fields, plus `object` and `client_secret`. */
function snakeCased(body: Body): Body {
  const { paymentMethodTypes, returnUrl, cancelUrl, paymentLink, ...rest } = body;
  return {
    ...rest,
    object: 'payment_intent',
    client_secret: 'pi_secret_do_not_expose',
    payment_method_types: paymentMethodTypes,
    return_url: returnUrl,
    cancel_url: cancelUrl,
    payment_link: paymentLink ? { ...(paymentLink as Body), unique_slug: 'pl_slug' } : null,
  };
}

const completedTransaction = {
  id: 'txn_0000000001',
  status: 'completed',
  amount: '249.99',
  currency: 'usd',
  hash: '0x9f2c4a7e1b3d5f60718293a4b5c6d7e8f9012345678901234567890abcdef12',
  createdAt: '2026-11-20T10:20:00.000Z',
};

export const ORCARAIL_PAYMENTS: Readonly<Record<string, Body>> = {
  [ORCARAIL_SEED_EXAMPLE.id]: { ...ORCARAIL_SEED_EXAMPLE },
  pi_requires_payment_method: intent('pi_requires_payment_method', 'requires_payment_method'),
  pi_requires_confirmation: intent('pi_requires_confirmation', 'requires_confirmation'),
  pi_processing: intent('pi_processing', 'processing', { latestTransaction: { ...completedTransaction, status: 'pending', hash: null } }),
  pi_succeeded: intent('pi_succeeded', 'succeeded', { latestTransaction: completedTransaction }),
  pi_completed_snake_case: snakeCased(intent('pi_completed_snake_case', 'completed', { latestTransaction: completedTransaction })),
  pi_canceled: intent('pi_canceled', 'canceled'),
  pi_expired: intent('pi_expired', 'requires_payment_method', { expiresAt: '2026-01-01T00:00:00.000Z' }),
  pi_unknown_status: intent('pi_unknown_status', 'refunded'),
  // Crypto assets in their own decimals (model/currency.ts), the transfer in the same asset.
  ...Object.fromEntries(
    (
      [
        ['usdt', '99.123456'],
        ['usdc', '250.50'],
        ['btc', '0.00420000'],
        ['eth', '12.000000000000000001'],
      ] as const
    ).map(([asset, amount]) => [
      `pi_${asset}`,
      intent(`pi_${asset}`, 'succeeded', { currency: asset, amount, latestTransaction: { ...completedTransaction, currency: asset, amount } }),
    ]),
  ),
  /** A USD intent whose transfer completed in USDT: the transfer is read in USDT, the captured USD amount is not proven yet. */
  pi_usdt_transfer_on_usd_intent: intent('pi_usdt_transfer_on_usd_intent', 'processing', {
    latestTransaction: { ...completedTransaction, currency: 'usdt', amount: '99.123456' },
  }),
  /** Past `expiresAt` while processing: the funds may still land, so PROCESSING and not final. */
  pi_processing_past_expiry: intent('pi_processing_past_expiry', 'processing', {
    expiresAt: '2026-01-01T00:00:00.000Z',
    latestTransaction: { ...completedTransaction, status: 'pending', hash: null },
  }),
  /** 60.00 of 249.99 USD arrived: captured is what the completed transfer moved. */
  pi_partial_transfer: intent('pi_partial_transfer', 'processing', { latestTransaction: { ...completedTransaction, amount: '60.00' } }),
  /** A body for another intent than the one asked for. */
  pi_other_payment: intent('pi_someone_else', 'succeeded', { latestTransaction: completedTransaction }),
};

export const ORCARAIL_GENERATED_ID_PREFIX = 'pi_gen_';

export function orcarailIntentFor(id: string): Body | undefined {
  return ORCARAIL_PAYMENTS[id] ?? (id.startsWith(ORCARAIL_GENERATED_ID_PREFIX) ? intent(id, 'succeeded', { latestTransaction: completedTransaction }) : undefined);
}

/** `pi_fault_<name>` answers with that fault. */
export const ORCARAIL_FAULTS = new FaultIds((fault) => `pi_fault_${fault}`);
