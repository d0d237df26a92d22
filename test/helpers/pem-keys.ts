import { generateKeyPairSync } from 'node:crypto';

/**
 * A fresh EC key pair as PEM (PKCS#8 private, SPKI public). Tests import keys from PEM rather than
 * take them straight from key generation: such a key shares its data with Node's key-generation job,
 * and exporting it as JWK can deadlock Node 20 when a GC finalises that job (see
 * gr4vyModule.simulatedCredentials).
 */
export function ecPemKeyPair(namedCurve: 'prime256v1' | 'secp521r1'): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve,
    publicKeyEncoding: { format: 'pem', type: 'spki' },
    privateKeyEncoding: { format: 'pem', type: 'pkcs8' },
  });
}
