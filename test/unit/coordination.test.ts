import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/app-config.js';
import { MemoryFinalPayments } from '../../src/coordination/in-memory-coordination.js';
import { RedisCoordination } from '../../src/coordination/redis-coordination.js';
import { PaymentSeal } from '../../src/coordination/sealed-payment.js';
import { createLogger } from '../../src/log/logger.js';
import type { Payment } from '../../src/model/payment.js';
import { transformPrimerPayment } from '../../src/providers/primer/transform.js';
import { primerPaymentSchema } from '../../src/providers/primer/wire.js';
import { RATE_WINDOW_MS } from '../../src/resilience/call-window.js';
import { Secret } from '../../src/security/secret.js';

const specExample = primerPaymentSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/primer/spec-example.json', import.meta.url), 'utf8')));
/** The spec's example, as the unified model has it: bigint amounts, dates, a card with its holder's name. */
const authorized: Payment = transformPrimerPayment(specExample, { id: specExample.id, fetchedAt: new Date('2026-12-03T10:00:00.000Z') });
const settled: Payment = transformPrimerPayment({ ...specExample, id: 'pay_kept', status: 'SETTLED', processor: { ...specExample.processor, amountCaptured: 42 } }, { id: 'pay_kept', fetchedAt: new Date('2026-12-03T10:00:00.000Z') });

describe('PaymentSeal (what leaves the process for Redis)', () => {
  const seal = new PaymentSeal(new Secret('a-shared-state-key-of-32-characters!'));

  it('opens what it sealed as the same payment: bigints, dates and personal data intact', () => {
    const opened = seal.open(authorized, seal.seal(authorized));
    expect(opened).toEqual(authorized);
    expect(typeof opened?.amount?.minorUnits).toBe('bigint');
    expect(opened?.fetchedAt).toBeInstanceOf(Date);
  });

  it('shows nothing of the payment in the sealed text, and never seals twice alike', () => {
    const sealed = seal.seal(authorized);
    const text = `${sealed}\n${Buffer.from(sealed, 'base64').toString('latin1')}`;
    for (const plaintext of ['kHdEw9EG', 'John Biggins', 'customer123@gmail.com', '411111', 'AUTHORIZED']) expect(text).not.toContain(plaintext);
    expect(seal.seal(authorized)).not.toBe(sealed);
  });

  it('opens nothing sealed under another payment\'s key, another secret, or altered', () => {
    const sealed = seal.seal(authorized);
    expect(seal.open({ id: 'pay_other', provider: 'PRIMER' }, sealed)).toBeUndefined();
    expect(seal.open({ id: authorized.id, provider: 'GR4VY' }, sealed)).toBeUndefined();
    expect(new PaymentSeal(new Secret('another-shared-state-key-32-chars!!')).open(authorized, sealed)).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    expect(seal.open(authorized, bytes.toString('base64'))).toBeUndefined();
    expect(seal.open(authorized, 'not sealed at all')).toBeUndefined();
    expect(seal.open(authorized, '')).toBeUndefined();
  });
});

describe('MemoryFinalPayments (the embedded default of FINAL_PAYMENT_CACHE_SECONDS)', () => {
  it('keeps only final payments, until their TTL', async () => {
    let now = 1_000;
    const kept = new MemoryFinalPayments(5_000, 10, () => now);
    kept.keep(authorized);
    kept.keep(settled);
    expect(settled.isFinal).toBe(true);
    expect(await kept.get(authorized)).toBeUndefined();
    expect(await kept.get(settled)).toBe(settled);
    now += 4_999;
    expect(await kept.get(settled)).toBe(settled);
    now += 1;
    expect(await kept.get(settled)).toBeUndefined();
    expect(kept.size).toBe(0);
  });

  it('forgets a payment when told (a webhook arrived for it)', async () => {
    const kept = new MemoryFinalPayments(5_000);
    kept.keep(settled);
    await kept.forget(settled);
    expect(await kept.get(settled)).toBeUndefined();
  });

  it('holds at most its capacity, the oldest going first', async () => {
    const kept = new MemoryFinalPayments(60_000, 3);
    const many = Array.from({ length: 5 }, (_, n): Payment => ({ ...settled, id: `pay_kept_${String(n)}` }));
    for (const payment of many) kept.keep(payment);
    expect(kept.size).toBe(3);
    expect(await kept.get(many[0] ?? settled)).toBeUndefined();
    expect(await kept.get(many[1] ?? settled)).toBeUndefined();
    expect(await kept.get(many[4] ?? settled)).toBe(many[4]);
  });
});

describe('a budget while Redis is unreachable', () => {
  it('keeps each replica to its share, so that REPLICAS of them alone stay within the rate', async () => {
    const alone = await RedisCoordination.connect(
      {
        // Nothing listens on port 1: every operation falls back from the start.
        url: new Secret('redis://127.0.0.1:1'),
        sealKey: new Secret('a-shared-state-key-of-32-characters!'),
        keyPrefix: 'payments:',
        replicas: 3,
        commandTimeoutMs: 50,
        finalPaymentTtlMs: 0,
        deliveryWindowMs: 1_000,
        logger: createLogger('silent'),
      },
      100,
    );
    try {
      expect(alone.health()).toEqual({ engine: 'redis', connected: false });
      // 10 per second over 3 replicas: 3 each now, the fourth a window later.
      const ten = alone.budget('PRIMER', 10);
      expect([await ten.reserve(0), await ten.reserve(0), await ten.reserve(0)]).toEqual([0, 0, 0]);
      expect(await ten.reserve(RATE_WINDOW_MS - 100)).toBeUndefined();
      // 1 per second over 3 replicas: one call each per three windows.
      const one = alone.budget('GR4VY', 1);
      expect(await one.reserve(0)).toBe(0);
      expect(await one.reserve(3 * RATE_WINDOW_MS - 100)).toBeUndefined();
    } finally {
      await alone.close();
    }
  });
});

describe('shared-state configuration', () => {
  it('needs SHARED_STATE_KEY (32+ characters) with REDIS_URL, and says which', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/SHARED_STATE_KEY: is required with REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SHARED_STATE_KEY: 'short' })).toThrow(/SHARED_STATE_KEY: must be at least 32 characters/);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379', SHARED_STATE_KEY: 'k'.repeat(32) })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('keeps the URL and key as secrets, and defaults to this process alone with no final-payment cache', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:hunter2-password@redis.internal:6379', SHARED_STATE_KEY: 'k'.repeat(32), REPLICAS: '4' });
    expect(JSON.stringify(config.sharedState)).not.toContain('hunter2-password');
    expect(config.sharedState).toMatchObject({ replicas: 4, finalPaymentCacheSeconds: 0, redis: { keyPrefix: 'payments:', commandTimeoutMs: 250 } });
    expect(loadConfig({}).sharedState).toEqual({ replicas: 1, finalPaymentCacheSeconds: 0 });
    expect(() => loadConfig({ FINAL_PAYMENT_CACHE_SECONDS: '301' })).toThrow(/FINAL_PAYMENT_CACHE_SECONDS/);
  });
});
