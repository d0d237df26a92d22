import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';

async function cacheControlOf(app: TestApp, query: string): Promise<string | null> {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  await response.text();
  return response.headers.get('cache-control');
}

describe('Cache-Control hints for a gateway\'s cache', () => {
  let plain: TestApp;
  let optedIn: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
    optedIn = await startTestApp({ env: { FINAL_PAYMENT_MAX_AGE_SECONDS: '30' } });
  });
  afterAll(async () => {
    await plain.close();
    await optedIn.close();
  });

  it('says no-store for everything by default, final payments included', async () => {
    expect(await cacheControlOf(plain, '{ payment(id: "pay_settled", provider: PRIMER) { id status } }')).toBe('no-store');
  });

  it('opted in: a response of final payments only may be kept for the max-age, publicly when it holds no personal field', async () => {
    expect(await cacheControlOf(optedIn, '{ payment(id: "pay_settled", provider: PRIMER) { id status isFinal } }')).toBe('public, max-age=30');
    expect(
      await cacheControlOf(optedIn, '{ payments(refs: [{ id: "pay_settled", provider: PRIMER }, { id: "pay_declined", provider: PRIMER }]) { id } }'),
    ).toBe('public, max-age=30');
  });

  it('opted in: private once a field behind @authenticated/@requiresScopes was resolved', async () => {
    expect(await cacheControlOf(optedIn, '{ payment(id: "pay_settled", provider: PRIMER) { id customer { email } } }')).toBe('private, max-age=30');
  });

  it('opted in: no-store when any payment may still change, any error came, or no payment was read', async () => {
    expect(await cacheControlOf(optedIn, '{ payment(id: "pay_pending", provider: PRIMER) { id } }')).toBe('no-store');
    expect(await cacheControlOf(optedIn, '{ payments(refs: [{ id: "pay_settled", provider: PRIMER }, { id: "pay_pending", provider: PRIMER }]) { id } }')).toBe('no-store');
    expect(await cacheControlOf(optedIn, '{ payments(refs: [{ id: "pay_settled", provider: PRIMER }, { id: "pay_nope", provider: PRIMER }]) { id } }')).toBe('no-store');
    expect(await cacheControlOf(optedIn, '{ _service { sdl } }')).toBe('no-store');
    expect((await fetch(`${optedIn.url}/health`)).headers.get('cache-control')).toBe('no-store');
  });
});
