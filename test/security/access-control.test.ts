import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, importPKCS8, importSPKI, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetCounters, startTestApp, type TestApp } from '../helpers/harness.js';
import { ecPemKeyPair } from '../helpers/pem-keys.js';

/**
 * Red team, issue 11 point 3: personal data only to a verified caller with the scope for it. The
 * subgraph enforces `@authenticated` and `@requiresScopes` itself, from the gateway's shared secret
 * and the end user's JWT the gateway forwards, field by field; the rest of the payment still arrives.
 */
const PERSONAL = `query($id: ID!) { payment(id: $id, provider: PRIMER) {
  id status amount { decimal }
  customer { id email name }
  card { last4 holderName }
  metadata { key value }
} }`;
const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id status customer { email } } } }`;
const SECRET = 'gateway-shared-secret-0123456789abcdef';

/** A gateway's ES256 pair, imported from PEM (see ecPemKeyPair). */
async function es256Pair(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const pem = ecPemKeyPair('prime256v1');
  return { privateKey: await importPKCS8(pem.privateKey, 'ES256'), publicKey: await importSPKI(pem.publicKey, 'ES256', { extractable: true }) };
}

const providerCalls = (app: TestApp) => [...app.registry.simulators.values()].reduce((sum, simulator) => sum + simulator.totalCalls, 0);

async function send(app: TestApp, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> }) };
}

const codesByPath = (errors: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> | undefined) =>
  Object.fromEntries((errors ?? []).map((error) => [error.path?.join('.') ?? '', error.extensions?.['code']]));

describe('red team: in production with no inbound auth, personal data is withheld from everyone', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ production: true });
  });
  afterAll(() => app.close());

  it('serves the payment, withholding each personal field with a coded error at its path', async () => {
    const response = await send(app, PERSONAL, { id: 'pay_settled' });
    expect(response.data?.['payment']).toMatchObject({ id: 'pay_settled', status: 'CAPTURED', amount: { decimal: '129.99' }, customer: null, card: { last4: '1111', holderName: null }, metadata: null });
    expect(codesByPath(response.errors)).toEqual({
      'payment.customer': 'UNAUTHENTICATED',
      'payment.card.holderName': 'UNAUTHENTICATED',
      'payment.metadata': 'UNAUTHENTICATED',
    });
  });

  it('says so at start-up, and refuses _service', async () => {
    expect(app.logs.text).toContain('no inbound auth configured');
    const response = await send(app, '{ _service { sdl } }', {});
    expect(codesByPath(response.errors)).toEqual({ _service: 'FORBIDDEN' });
  });
});

describe('red team: a gateway shared secret', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ production: true, env: { GATEWAY_SHARED_SECRET: SECRET } });
  });
  afterAll(() => app.close());

  it.each([
    ['no secret', {}],
    ['a wrong secret', { 'x-gateway-secret': `${SECRET}x` }],
  ])('refuses a caller with %s as 401, before any provider call', async (_case, headers) => {
    resetCounters(app);
    const response = await send(app, PERSONAL, { id: 'pay_settled' }, headers);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(response.data).toBeUndefined();
    expect(providerCalls(app)).toBe(0);
  });

  it('lets the gateway in, and _service answers it; personal fields still need an end user\'s token', async () => {
    const headers = { 'x-gateway-secret': SECRET };
    const response = await send(app, PERSONAL, { id: 'pay_settled' }, headers);
    expect(response.data?.['payment']).toMatchObject({ id: 'pay_settled', customer: null });
    expect(codesByPath(response.errors)['payment.customer']).toBe('UNAUTHENTICATED');
    const service = await send(app, '{ _service { sdl } }', {}, headers);
    expect(service.errors).toBeUndefined();
  });
});

describe('red team: the end user\'s JWT, forwarded by the gateway', () => {
  let app: TestApp;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  const token = (claims: Record<string, unknown>, signer: CryptoKey = key, expiresIn = '5m') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'gateway-1' }).setIssuer('https://gateway.example').setAudience('payments').setIssuedAt().setExpirationTime(expiresIn).sign(signer);

  beforeAll(async () => {
    const pair = await es256Pair();
    key = pair.privateKey;
    otherKey = (await es256Pair()).privateKey;
    const jwks = join(mkdtempSync(join(tmpdir(), 'jwks-')), 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'gateway-1', alg: 'ES256', use: 'sig' }] }));
    app = await startTestApp({
      production: true,
      env: { GATEWAY_JWKS_FILE: jwks, GATEWAY_JWT_ISSUER: 'https://gateway.example', GATEWAY_JWT_AUDIENCE: 'payments' },
    });
  });
  afterAll(() => app.close());

  it('serves personal data to a token with the payments:read-pii scope', async () => {
    const bearer = await token({ sub: 'agent-7', scope: 'payments:read payments:read-pii' });
    const response = await send(app, PERSONAL, { id: 'pay_settled' }, { authorization: `Bearer ${bearer}` });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['payment']).toMatchObject({ customer: { email: 'customer123@gmail.com' }, card: { holderName: 'John Biggins' } });
  });

  it('withholds only the scoped fields from an authenticated token without the scope', async () => {
    const bearer = await token({ sub: 'frontend', scopes: ['payments:read'] });
    const response = await send(app, PERSONAL, { id: 'pay_settled' }, { authorization: `Bearer ${bearer}` });
    expect(response.data?.['payment']).toMatchObject({ status: 'CAPTURED', customer: { id: 'customer-123', email: null, name: null }, card: { holderName: null } });
    expect(codesByPath(response.errors)).toEqual({
      'payment.customer.email': 'FORBIDDEN',
      'payment.customer.name': 'FORBIDDEN',
      'payment.card.holderName': 'FORBIDDEN',
      'payment.metadata': 'FORBIDDEN',
    });
  });

  it('enforces the same on _entities', async () => {
    const bearer = await token({ sub: 'frontend', scope: 'payments:read' });
    const response = await send(app, ENTITY, { r: [{ __typename: 'Payment', id: 'pay_settled', provider: 'PRIMER' }] }, { authorization: `Bearer ${bearer}` });
    expect(codesByPath(response.errors)).toEqual({ '_entities.0.customer.email': 'FORBIDDEN' });
  });

  it.each([
    ['signed by another key', () => token({ scope: 'payments:read-pii' }, otherKey)],
    ['expired', () => token({ scope: 'payments:read-pii' }, key, '-1m')],
    ['not a JWT', () => Promise.resolve('not-a-jwt')],
  ])('refuses a token %s as 401, before any provider call', async (_case, make) => {
    resetCounters(app);
    const response = await send(app, PERSONAL, { id: 'pay_settled' }, { authorization: `Bearer ${await make()}` });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(providerCalls(app)).toBe(0);
  });

  it('treats a request without a token as an anonymous user: no personal data', async () => {
    const response = await send(app, PERSONAL, { id: 'pay_settled' });
    expect(codesByPath(response.errors)['payment.customer']).toBe('UNAUTHENTICATED');
  });
});
