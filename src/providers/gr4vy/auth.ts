import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, SignJWT, type JWK } from 'jose';
import type { Secret } from '../../security/secret.js';

/**
 * Gr4vy server-to-server auth, as its SDKs do it (gr4vy-typescript `src/lib/auth.ts`,
 * `src/lib/helpers.ts`): a fresh ES512 JWT per request, signed with the merchant's EC P-521
 * private key, `kid` = the RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key.
 */
export const GR4VY_TOKEN_TTL_SECONDS = 30;
export const GR4VY_READ_SCOPE = 'transactions.read';

export class Gr4vyKeyError extends Error {
  override readonly name = 'Gr4vyKeyError';
}

/** Loads and checks a PKCS#8 PEM key: it must be an EC key on P-521 (secp521r1), as Gr4vy issues. */
export function loadGr4vyPrivateKey(pem: Secret): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem.reveal(), format: 'pem' });
  } catch {
    throw new Gr4vyKeyError('is not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'secp521r1') {
    throw new Gr4vyKeyError('must be an EC P-521 (secp521r1) private key');
  }
  return key;
}

export async function gr4vyKeyId(publicKey: KeyObject): Promise<string> {
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'sha256');
}

export interface Gr4vyTokenSigner {
  /** A new bearer token for one request. */
  sign(): Promise<string>;
}

/** How old a token signed ahead may be when it is handed out: it still has at least 20 of its 30 s. */
export const GR4VY_SPARE_TOKEN_MAX_AGE_MS = 10_000;

/**
 * Still one fresh token per request, but signed one request ahead: each `sign()` hands out the token
 * signed during the previous one and starts signing the next. ES512 signing takes ~1.4 ms on the
 * libuv pool, and on a busy machine the wait for it was several milliseconds in front of every
 * request's first Gr4vy call (bench (b)). A token signed ahead is never handed out twice, and never
 * once older than `maxAgeMs`; an idle subgraph signs nothing in the background.
 */
export function signingAhead(signer: Gr4vyTokenSigner, now: () => number = Date.now, maxAgeMs = GR4VY_SPARE_TOKEN_MAX_AGE_MS): Gr4vyTokenSigner {
  let spare: { readonly token: Promise<string>; readonly signedAt: number } | undefined;
  const signNext = () => {
    const token = signer.sign();
    // A failed spare is only a missed head start: the request that takes it signs afresh.
    token.catch(() => undefined);
    return { token, signedAt: now() };
  };
  return {
    async sign() {
      const taken = spare;
      spare = signNext();
      if (taken && now() - taken.signedAt <= maxAgeMs) {
        try {
          return await taken.token;
        } catch {
          // fall through to a token of its own
        }
      }
      return signer.sign();
    },
  };
}

export async function createGr4vyTokenSigner(privateKey: KeyObject, issuer: string): Promise<Gr4vyTokenSigner> {
  const kid = await gr4vyKeyId(createPublicKey(privateKey));
  return {
    sign() {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ scopes: [GR4VY_READ_SCOPE] })
        .setProtectedHeader({ alg: 'ES512', kid, typ: 'JWT' })
        .setJti(randomUUID())
        .setIssuer(issuer)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + GR4VY_TOKEN_TTL_SECONDS)
        .sign(privateKey);
    },
  };
}
