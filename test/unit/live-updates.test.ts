import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { lookupError } from '../../src/errors/payment-lookup-error.js';
import { InMemoryPaymentUpdates } from '../../src/coordination/payment-updates.js';
import { jittered, nextDelay, type PollPolicy } from '../../src/live/poll-policy.js';
import { watchPayment } from '../../src/live/watch-payment.js';
import type { Payment } from '../../src/model/payment.js';
import type { PaymentKey } from '../../src/model/provider.js';
import { PROVIDER_MODULES } from '../../src/providers/modules.js';
import { WebhookRefusal } from '../../src/providers/webhooks/scheme.js';
import { Secret } from '../../src/security/secret.js';
import { CallWindow, RATE_WINDOW_MS } from '../../src/resilience/call-window.js';
import { ReplayGuard } from '../../src/coordination/replay-guard.js';

const KEY: PaymentKey = { provider: 'PRIMER', id: 'pay_1' };
const state = (status: Payment['status'], isFinal: boolean, fetchedAt = new Date()): Payment => ({
  id: KEY.id,
  provider: KEY.provider,
  status,
  providerStatus: status,
  isFinal,
  discrepancies: [],
  fetchedAt,
});
const FAST: PollPolicy = { firstDelayMs: 5, maxDelayMs: 20, factor: 2, jitter: 0 };

async function all(iterable: AsyncIterable<Payment>): Promise<Payment[]> {
  const seen: Payment[] = [];
  for await (const payment of iterable) seen.push(payment);
  return seen;
}

describe('poll policy', () => {
  it('doubles up to its ceiling, and spreads each wait by ±jitter', () => {
    const policy: PollPolicy = { firstDelayMs: 1_000, maxDelayMs: 5_000, factor: 2, jitter: 0.2 };
    expect([1_000, 2_000, 4_000].map((delay) => nextDelay(policy, delay))).toEqual([2_000, 4_000, 5_000]);
    expect(jittered(policy, 1_000, () => 0)).toBe(800);
    expect(jittered(policy, 1_000, () => 1)).toBe(1_200);
  });
});

describe('watchPayment', () => {
  it('sends the first state, skips reads that changed nothing but the time of reading, and ends on a final state', async () => {
    const reads = [state('PROCESSING', false), state('PROCESSING', false, new Date(0)), state('CAPTURED', true)];
    let calls = 0;
    const seen = await all(watchPayment(KEY, { read: () => Promise.resolve(reads[calls++]!), updates: new InMemoryPaymentUpdates(), policy: FAST, signal: new AbortController().signal }));
    expect(seen.map((payment) => payment.status)).toEqual(['PROCESSING', 'CAPTURED']);
    expect(calls).toBe(3);
  });

  it('takes a published state instead of reading, and lets go of its subscription when done', async () => {
    const updates = new InMemoryPaymentUpdates();
    let calls = 0;
    const watch = watchPayment(KEY, { read: () => Promise.resolve((calls++, state('PROCESSING', false))), updates, policy: { ...FAST, firstDelayMs: 60_000, maxDelayMs: 60_000 }, signal: new AbortController().signal });
    expect((await watch.next()).value).toMatchObject({ status: 'PROCESSING' });
    const next = watch.next();
    updates.publish(state('CAPTURED', true));
    expect((await next).value).toMatchObject({ status: 'CAPTURED' });
    expect((await watch.next()).done).toBe(true);
    expect(calls).toBe(1);
    expect(updates.watchedPayments).toBe(0);
  });

  it('reads on through failures that may pass, and ends with a failure that cannot', async () => {
    const outcomes = [state('PROCESSING', false), lookupError(ErrorCode.PROVIDER_TIMEOUT, 'PRIMER'), lookupError(ErrorCode.PAYMENT_NOT_FOUND, 'PRIMER')];
    let calls = 0;
    const read = () => {
      const outcome = outcomes[calls++]!;
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    };
    const watch = watchPayment(KEY, { read, updates: new InMemoryPaymentUpdates(), policy: FAST, signal: new AbortController().signal });
    await expect(all(watch)).rejects.toMatchObject({ code: ErrorCode.PAYMENT_NOT_FOUND });
    expect(calls).toBe(3);
  });

  it('ends at once when its signal aborts, mid-wait', async () => {
    const controller = new AbortController();
    const updates = new InMemoryPaymentUpdates();
    const watch = watchPayment(KEY, { read: () => Promise.resolve(state('PROCESSING', false)), updates, policy: { ...FAST, firstDelayMs: 60_000 }, signal: controller.signal });
    await watch.next();
    const pending = watch.next();
    controller.abort();
    expect((await pending).done).toBe(true);
    expect(updates.watchedPayments).toBe(0);
  });
});

describe('replay guard', () => {
  it('refuses a delivery it holds, forgets it after the window, releases on request, and turns away beyond capacity', () => {
    const guard = new ReplayGuard(1_000, 2);
    expect(guard.reserve('a', 0)).toBe('reserved');
    expect(guard.reserve('a', 500)).toBe('replayed');
    expect(guard.reserve('b', 500)).toBe('reserved');
    expect(guard.reserve('c', 600)).toBe('full');
    expect(guard.reserve('a', 1_000)).toBe('reserved');
    guard.release('b');
    expect(guard.reserve('b', 1_100)).toBe('reserved');
  });
});

describe('webhook schemes', () => {
  const secret = 'whsec_unit_test_0123456789abcdef';
  const schemes = Object.values(PROVIDER_MODULES).flatMap((module) => (module.webhook ? [[module.provider, module.webhook] as const] : []));

  it('exist for every provider that sends webhooks (UCS sends none)', () => {
    expect(schemes.map(([provider]) => provider)).toEqual(['PRIMER', 'GR4VY', 'KUIKPOS', 'ORCARAIL']);
  });

  it.each(schemes)('%s: verifies its own signature, names the payment, and refuses any changed byte or another secret', (_provider, scheme) => {
    const now = Date.now();
    const { headers, body } = scheme.sign('pay_42', secret, now);
    const verdict = scheme.verify({ headers, body: Buffer.from(body) }, new Secret(secret));
    expect(verdict).toMatchObject({ ok: true, event: { paymentId: 'pay_42' } });
    if (verdict.ok) expect(Math.abs(verdict.event.sentAt - now)).toBeLessThan(1_000);
    const tampered = scheme.verify({ headers, body: Buffer.from(body.replace('pay_42', 'pay_43')) }, new Secret(secret));
    expect(tampered).toMatchObject({ ok: false, refusal: WebhookRefusal.BAD_SIGNATURE });
    expect(scheme.verify({ headers, body: Buffer.from(body) }, new Secret('whsec_another_secret_entirely'))).toMatchObject({ ok: false, refusal: WebhookRefusal.BAD_SIGNATURE });
    expect(scheme.verify({ headers: {}, body: Buffer.from(body) }, new Secret(secret))).toMatchObject({ ok: false, refusal: WebhookRefusal.BAD_SIGNATURE });
  });
});

describe('call window (a provider\'s request budget)', () => {
  it('gives the limit at once, then each call one second after the call `limit` before it, in arrival order, and none beyond what a caller can wait', () => {
    let now = 0;
    const window = new CallWindow(3, RATE_WINDOW_MS, () => now);
    expect([window.reserve(0), window.reserve(0), window.reserve(0)]).toEqual([0, 0, 0]);
    // A window is a second and a margin (RATE_WINDOW_MS, 1,050 ms) after the slot `limit` calls back.
    expect(window.reserve(1_049)).toBeUndefined();
    now = 400;
    expect(window.reserve(650)).toBe(650);
    expect(window.reserve(700)).toBe(650);
    now = 1_500;
    expect(window.reserve(0)).toBe(0);
    // The oldest of the last three slots is at 1,050 ms: the next is free at 2,100.
    expect(window.reserve(599)).toBeUndefined();
    expect(window.reserve(600)).toBe(600);
  });

  it('never lets more than its limit through in any one-second window, however the calls come', () => {
    let now = 0;
    const window = new CallWindow(10, RATE_WINDOW_MS, () => now);
    const slots: number[] = [];
    for (let step = 0; step < 2_000; step += 1) {
      now += (step * 7919) % 13;
      const wait = window.reserve(10_000);
      if (wait !== undefined) slots.push(now + wait);
    }
    slots.sort((a, b) => a - b);
    for (let n = 10; n < slots.length; n += 1) expect((slots[n] ?? 0) - (slots[n - 10] ?? 0)).toBeGreaterThanOrEqual(RATE_WINDOW_MS);
  });

  it('keeps to fewer calls than one per second over a longer window (a replica\'s share while Redis is away)', () => {
    let now = 0;
    const window = new CallWindow(1, 3 * RATE_WINDOW_MS, () => now);
    expect(window.reserve(0)).toBe(0);
    now = 2 * RATE_WINDOW_MS;
    expect(window.reserve(RATE_WINDOW_MS)).toBe(RATE_WINDOW_MS);
  });

  it('refuses a limit that is not a whole number of calls', () => {
    expect(() => new CallWindow(0)).toThrow(/at least 1/);
    expect(() => new CallWindow(2.5)).toThrow(/whole number/);
  });
});
