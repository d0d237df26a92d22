import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';

describe('a provider\'s request budget (<PROVIDER>_MAX_CALLS_PER_SECOND)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { PRIMER_MAX_CALLS_PER_SECOND: '10' } });
  });
  afterAll(() => app.close());

  it('spreads calls beyond the burst at the rate, answering every payment, and leaves other providers alone', async () => {
    const refs = Array.from({ length: 30 }, (_, n) => ({ id: `pay_gen_${String(n)}`, provider: 'PRIMER' }));
    const started = performance.now();
    const response = await app.query<{ payments: Array<{ id: string } | null> }>('query($refs: [PaymentRef!]!) { payments(refs: $refs) { id } }', { refs });
    const elapsedMs = performance.now() - started;
    expect(response.errors).toBeUndefined();
    expect(response.data?.payments.map((payment) => payment?.id)).toEqual(refs.map((ref) => ref.id));
    // 10 at once, then 20 more at 10 per second: the provider saw them over at least ~2 s, however fast it answers.
    expect(elapsedMs).toBeGreaterThanOrEqual(1_900);
    expect(app.simulator('PRIMER').totalCalls).toBe(30);
  });

  it('answers PROVIDER_RATE_LIMITED, without calling, for what the request\'s deadline cannot wait for', async () => {
    const hurried = await startTestApp({ env: { PRIMER_MAX_CALLS_PER_SECOND: '1' }, requestDeadlineMs: 500 });
    try {
      const refs = Array.from({ length: 4 }, (_, n) => ({ id: `pay_gen_${String(n)}`, provider: 'PRIMER' }));
      const response = await hurried.query<{ payments: Array<{ id: string } | null> }>('query($refs: [PaymentRef!]!) { payments(refs: $refs) { id } }', { refs });
      expect(response.data?.payments.filter(Boolean)).toHaveLength(1);
      expect(new Set(response.errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['PROVIDER_RATE_LIMITED']));
      expect(hurried.simulator('PRIMER').totalCalls).toBe(1);
    } finally {
      await hurried.close();
    }
  });
});
