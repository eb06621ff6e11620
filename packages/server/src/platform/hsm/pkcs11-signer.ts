import { createPublicKey } from 'node:crypto';
import { parseCertificate, type Signer } from '@signx/pades';
import type { Pkcs11Token } from './pkcs11-token.js';

/**
 * A pades `Signer` whose key stays in a PKCS#11 token: the CMS signed attributes are hashed
 * here and the digest signed inside the token (CKM_ECDSA). Checks the token's public key
 * matches the certificate, so a wrong key id fails here and not at verification.
 */
export function createPkcs11Signer(
  token: Pkcs11Token,
  objectId: string,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
): Signer {
  const cert = parseCertificate(certificate);
  const tokenSpki = createPublicKey({
    key: Buffer.from(token.publicKey(objectId)),
    format: 'der',
    type: 'spki',
  }).export({ format: 'der', type: 'spki' });
  if (Buffer.compare(tokenSpki, Buffer.from(cert.spki)) !== 0) {
    throw new Error(`token key ${objectId} does not match the certificate of ${cert.subject}`);
  }
  return {
    certificate: Uint8Array.from(certificate),
    chain: chain.map((c) => Uint8Array.from(c)),
    algorithm: 'ECDSA',
    hash: 'SHA-256',
    sign: async (data) => token.signSha256(objectId, data),
  };
}
