import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Payment { id provider status } }
}`;

describe('Payment entities, as the gateway asks for them', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    resetCounters(app);
  });

  it('resolves N representations in one batch, duplicates once, in representation order, failures at their own path', async () => {
    const representations = [
      { __typename: 'Payment', id: 'pay_settled', provider: 'PRIMER' },
      { __typename: 'Payment', id: GR4VY_SAMPLE_IDS.captured, provider: 'GR4VY' },
      { __typename: 'Payment', id: 'no_such_payment', provider: 'PRIMER' },
      { __typename: 'Payment', id: 'pay_settled', provider: 'PRIMER' },
      { __typename: 'Payment', id: 'pi_charged~1000~USD', provider: 'UCS' },
      { __typename: 'Payment', id: 'pay_declined', provider: 'NOT_A_PROVIDER' },
      { __typename: 'Payment', id: 'pi_charged', provider: 'UCS' },
    ];
    const response = await app.query<{ _entities: Array<{ id: string; provider: string } | null> }>(ENTITIES, { representations });
    expect(response.data?._entities.map((p) => (p ? `${p.provider}:${p.id}` : null))).toEqual([
      'PRIMER:pay_settled',
      `GR4VY:${GR4VY_SAMPLE_IDS.captured}`,
      null,
      'PRIMER:pay_settled',
      'UCS:pi_charged~1000~USD',
      null,
      null,
    ]);
    // Errors are listed in the order they happened; what matters is the path each one is at.
    const byIndex = [...(response.errors ?? [])].sort((a, b) => Number(a.path?.[1]) - Number(b.path?.[1]));
    expect(byIndex.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['_entities', 2], 'PAYMENT_NOT_FOUND'],
      [['_entities', 5], 'BAD_USER_INPUT'],
      [['_entities', 6], 'BAD_USER_INPUT'],
    ]);
    expect(app.batches).toEqual([
      {
        loader: 'payment',
        keys: [
          { provider: 'PRIMER', id: 'pay_settled' },
          { provider: 'GR4VY', id: GR4VY_SAMPLE_IDS.captured },
          { provider: 'PRIMER', id: 'no_such_payment' },
          { provider: 'UCS', id: 'pi_charged~1000~USD' },
          { provider: 'UCS', id: 'pi_charged' },
        ],
      },
    ]);
    expect(app.simulator('PRIMER').callsTo('/payments/pay_settled')).toBe(1);
    expect(app.simulator('UCS').totalCalls).toBe(1);
  });

  it('shares the loader with root fields in the same request', async () => {
    const response = await app.query(
      `query($representations: [_Any!]!) {
        payment(id: "pay_settled", provider: PRIMER) { id }
        _entities(representations: $representations) { ... on Payment { id } }
      }`,
      { representations: [{ __typename: 'Payment', id: 'pay_settled', provider: 'PRIMER' }] },
    );
    expect(response.errors).toBeUndefined();
    expect(app.simulator('PRIMER').totalCalls).toBe(1);
  });

  it('publishes its SDL with the federation directives through _service', async () => {
    const response = await app.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = response.data?._service.sdl ?? '';
    for (const directive of ['@key(fields: "id provider")', '@requiresScopes', '@authenticated', '@cost(weight: 10)', '@listSize(assumedSize: 100)', '@key(fields: "id", resolvable: false)']) {
      expect(sdl).toContain(directive);
    }
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2.9');
  });

  it('answers with an inline trace (ftv1) when the gateway asks for one, and only then', async () => {
    const body = JSON.stringify({ query: '{ payment(id: "pay_settled", provider: PRIMER) { id status } }' });
    const traced = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' },
      body,
    });
    const tracedBody = (await traced.json()) as { extensions?: { ftv1?: string } };
    expect(tracedBody.extensions?.ftv1).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(tracedBody.extensions!.ftv1!, 'base64').length).toBeGreaterThan(20);

    const plain = (await (await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as {
      extensions?: unknown;
    };
    expect(plain.extensions).toBeUndefined();
  });
});
