import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createPaymentLoaders, type DispatchedBatch } from '../../src/loading/payment-loaders.js';
import { RequestScope } from '../../src/request/request-scope.js';
import type { PaymentKey } from '../../src/model/provider.js';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { DEFAULT_CALL_SETTINGS } from '../../src/providers/call-settings.js';
import { ProviderRegistry } from '../../src/loading/provider-registry.js';
import { LogCapture } from '../helpers/harness.js';
import { InMemoryCoordination } from '../../src/coordination/in-memory-coordination.js';

/** The loaders against the real simulators, over HTTP: batches and provider calls are both counted. */
describe('payment loaders', () => {
  let registry: ProviderRegistry;
  const batches: DispatchedBatch[] = [];
  const primer = () => registry.simulators.get('PRIMER')!;
  const gr4vy = () => registry.simulators.get('GR4VY')!;
  const loaders = () => createPaymentLoaders(registry, { scope: new RequestScope(), onBatch: (batch) => batches.push(batch) });

  beforeAll(async () => {
    registry = await ProviderRegistry.create({
      live: {},
      simulateUnconfigured: true,
      simulatorKnobs: { latencyMs: 20 },
      calls: DEFAULT_CALL_SETTINGS,
      maxConcurrencyPerProvider: 3,
      maxQueuedPerProvider: 12,
      logger: createLogger('silent', new LogCapture()),
      coordination: new InMemoryCoordination({ finalPaymentTtlMs: 0, deliveryWindowMs: 60_000 }),
    });
  });
  afterAll(() => registry.close());
  beforeEach(() => {
    batches.length = 0;
    primer().resetCounters();
    gr4vy().resetCounters();
  });

  it('dispatches one batch for keys loaded in the same tick, duplicates collapsed, results in key order', async () => {
    const { payment } = loaders();
    const keys: PaymentKey[] = [
      { provider: 'PRIMER', id: 'pay_settled' },
      { provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured },
      { provider: 'PRIMER', id: 'pay_settled' },
      { provider: 'PRIMER', id: 'pay_declined' },
      { provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured },
    ];
    const results = await Promise.all(keys.map((key) => payment.load(key)));

    expect(results.map((p) => `${p.provider}:${p.id}`)).toEqual(keys.map((k) => `${k.provider}:${k.id}`));
    expect(batches).toEqual([
      {
        loader: 'payment',
        keys: [
          { provider: 'PRIMER', id: 'pay_settled' },
          { provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured },
          { provider: 'PRIMER', id: 'pay_declined' },
        ],
      },
    ]);
    expect(primer().callsTo('/payments/pay_settled')).toBe(1);
    expect(primer().callsTo('/payments/pay_declined')).toBe(1);
    expect(gr4vy().callsTo(`/transactions/${GR4VY_SAMPLE_IDS.captured}`)).toBe(1);
    expect(primer().totalCalls + gr4vy().totalCalls).toBe(3);
  });

  it('caches per loader instance only: a new request reads the provider again', async () => {
    await loaders().payment.load({ provider: 'PRIMER', id: 'pay_settled' });
    await loaders().payment.load({ provider: 'PRIMER', id: 'pay_settled' });
    expect(primer().callsTo('/payments/pay_settled')).toBe(2);
    expect(batches).toHaveLength(2);
  });

  it('fetches each provider group with bounded concurrency', async () => {
    const ids = ['pay_settled', 'pay_declined', 'pay_failed', 'pay_pending', 'pay_authorized', 'pay_cancelled', 'pay_settling'];
    const { payment } = loaders();
    await Promise.all(ids.map((id) => payment.load({ provider: 'PRIMER', id })));
    expect(primer().totalCalls).toBe(ids.length);
    expect(primer().maxInFlight).toBe(3);
    expect(batches).toHaveLength(1);
  });

  it('settles every key on its own: a failing key does not fail its batch', async () => {
    const { payment } = loaders();
    const results = await Promise.allSettled([
      payment.load({ provider: 'PRIMER', id: 'pay_settled' }),
      payment.load({ provider: 'PRIMER', id: 'does-not-exist' }),
      payment.load({ provider: 'GR4VY', id: 'not-a-uuid' }),
      payment.load({ provider: 'UCS', id: 'pi_charged' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual(['ok', 'PAYMENT_NOT_FOUND', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    // The malformed ids never reached their providers (the UCS id lacks the amount UCS requires).
    expect(gr4vy().totalCalls).toBe(0);
    expect(registry.simulators.get('UCS')!.totalCalls).toBe(0);
    expect(batches).toHaveLength(1);
  });

  it('loads lazily-fetched transactions in their own batch', async () => {
    const { payment, transactions } = loaders();
    const refunded = await payment.load({ provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.refunded });
    const settled = await payment.load({ provider: 'PRIMER', id: 'pay_partially_refunded' });
    const [gr4vyTransactions, primerTransactions] = await Promise.all([transactions.load(refunded), transactions.load(settled)]);
    expect(gr4vyTransactions.map((t) => t.type)).toEqual(['SALE', 'REFUND', 'REFUND']);
    expect(primerTransactions.map((t) => t.type)).toEqual(['SALE', 'REFUND']);
    expect(batches.map((b) => b.loader)).toEqual(['payment', 'payment', 'transactions']);
    expect(gr4vy().callsTo(`/transactions/${GR4VY_SAMPLE_IDS.refunded}/refunds`)).toBe(1);
    // Primer returns transactions inline: no extra call.
    expect(primer().totalCalls).toBe(1);
  });

  it('signs one fresh Gr4vy token per request, shared by that request\'s calls and never by another request', async () => {
    const first = loaders();
    await Promise.all([
      first.payment.load({ provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured }),
      first.payment.load({ provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.voided }),
    ]);
    await loaders().payment.load({ provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured });
    const tokens = gr4vy().requests.map((request) => request.headers.authorization);
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });
});
