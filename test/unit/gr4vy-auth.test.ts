import { createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createGr4vyTokenSigner,
  Gr4vyKeyError,
  GR4VY_SPARE_TOKEN_MAX_AGE_MS,
  GR4VY_TOKEN_TTL_SECONDS,
  loadGr4vyPrivateKey,
  signingAhead,
  type Gr4vyTokenSigner,
} from '../../src/providers/gr4vy/auth.js';
import { gr4vyModule } from '../../src/providers/gr4vy/index.js';
import { Secret } from '../../src/security/secret.js';
import { ecPemKeyPair } from '../helpers/pem-keys.js';

// From PEM, as the subgraph loads it: a KeyObject straight from generateKeyPairSync can deadlock
// Node 20 when exported as JWK (see gr4vyModule.simulatedCredentials).
const pem = gr4vyModule.simulatedCredentials()['GR4VY_PRIVATE_KEY'] ?? '';
const privateKey = loadGr4vyPrivateKey(new Secret(pem));

describe('Gr4vy JWT signing', () => {
  it('signs ES512 tokens with the JWK thumbprint as kid and the transactions.read scope', async () => {
    const signer = await createGr4vyTokenSigner(loadGr4vyPrivateKey(new Secret(pem)), 'payments-subgraph');
    const token = await signer.sign();
    const publicKey = createPublicKey(privateKey);
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, { algorithms: ['ES512'] });

    const jwk = publicKey.export({ format: 'jwk' }) as JWK;
    expect(protectedHeader).toMatchObject({ alg: 'ES512', typ: 'JWT', kid: await calculateJwkThumbprint(jwk, 'sha256') });
    expect(payload.scopes).toEqual(['transactions.read']);
    expect(payload.iss).toBe('payments-subgraph');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(GR4VY_TOKEN_TTL_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('signs a fresh token per request', async () => {
    const signer = await createGr4vyTokenSigner(privateKey, 'payments-subgraph');
    const [a, b] = await Promise.all([signer.sign(), signer.sign()]);
    expect(a).not.toBe(b);
    expect(decodeProtectedHeader(a).kid).toBe(decodeProtectedHeader(b).kid);
  });

  describe('signing one request ahead', () => {
    /** Numbered tokens, so a test can tell which signing each request was handed. */
    function countingSigner(fail: (n: number) => boolean = () => false): Gr4vyTokenSigner & { signed: number } {
      const counter = {
        signed: 0,
        sign() {
          counter.signed += 1;
          const n = counter.signed;
          return fail(n) ? Promise.reject(new Error(`signing ${String(n)} failed`)) : Promise.resolve(`token-${String(n)}`);
        },
      };
      return counter;
    }

    it('hands each request the token signed during the one before, and starts the next', async () => {
      const signer = countingSigner();
      const ahead = signingAhead(signer, () => 0);
      expect(await ahead.sign()).toBe('token-2'); // nothing ahead yet: signed on the spot (token-1 is the spare)
      expect(await ahead.sign()).toBe('token-1');
      expect(await ahead.sign()).toBe('token-3');
      expect(signer.signed).toBe(4); // one spare in hand, never more
    });

    it('never hands one token to two concurrent requests', async () => {
      const ahead = signingAhead(countingSigner(), () => 0);
      const tokens = await Promise.all(Array.from({ length: 10 }, () => ahead.sign()));
      expect(new Set(tokens).size).toBe(10);
    });

    it('signs afresh when the spare is too old, so a handed-out token has most of its life left', async () => {
      let now = 0;
      const signer = countingSigner();
      const ahead = signingAhead(signer, () => now);
      await ahead.sign(); // token-1 becomes the spare
      now = GR4VY_SPARE_TOKEN_MAX_AGE_MS + 1;
      expect(await ahead.sign()).toBe('token-4'); // token-1 is stale; token-3 is the new spare
      expect(await ahead.sign()).toBe('token-3');
    });

    it('signs afresh when signing the spare failed', async () => {
      const ahead = signingAhead(countingSigner((n) => n === 1), () => 0);
      await ahead.sign();
      expect(await ahead.sign()).toBe('token-4');
    });

    it('gives the simulator-verifiable ES512 tokens of the real signer', async () => {
      const ahead = signingAhead(await createGr4vyTokenSigner(privateKey, 'payments-subgraph'));
      const [a, b] = [await ahead.sign(), await ahead.sign()];
      expect(a).not.toBe(b);
      for (const token of [a, b]) await expect(jwtVerify(token, createPublicKey(privateKey), { algorithms: ['ES512'] })).resolves.toBeDefined();
    });
  });

  it('refuses keys that are not EC P-521', () => {
    const p256Pem = ecPemKeyPair('prime256v1').privateKey;
    expect(() => loadGr4vyPrivateKey(new Secret(p256Pem))).toThrow(Gr4vyKeyError);
    expect(() => loadGr4vyPrivateKey(new Secret('not a key'))).toThrow('is not a PEM private key');
  });
});
