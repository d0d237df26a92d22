import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createGr4vyTokenSigner, Gr4vyKeyError, GR4VY_TOKEN_TTL_SECONDS, loadGr4vyPrivateKey } from '../../src/providers/gr4vy/auth.js';
import { Secret } from '../../src/security/secret.js';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp521r1' });
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

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

  it('refuses keys that are not EC P-521', () => {
    const { privateKey: p256 } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const p256Pem = p256.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadGr4vyPrivateKey(new Secret(p256Pem))).toThrow(Gr4vyKeyError);
    expect(() => loadGr4vyPrivateKey(new Secret('not a key'))).toThrow('is not a PEM private key');
  });
});
