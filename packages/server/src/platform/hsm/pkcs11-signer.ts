import { createPublicKey } from 'node:crypto';
import { type HashName, inspectKey, parseCertificate, type Signer } from '@signx/pades';
import type { Pkcs11Token } from './pkcs11-token.js';

/**
 * A pades `Signer` whose key stays in a PKCS#11 token. The hash follows the key as the
 * engine's local signer pairs them (SHA-384 for P-384, SHA-256 for P-256 and RSA) unless
 * `hash` is given; EC keys sign with CKM_ECDSA over the digest computed here, RSA keys with
 * CKM_SHA<n>_RSA_PKCS (PKCS#1 v1.5), so the CMS algorithm identifiers the engine writes
 * (ecdsa-with-SHA384, sha256WithRSAEncryption, ...) describe what the token did. Checks the
 * token's public key matches the certificate, so a wrong key id fails here and not at verification.
 */
export function createPkcs11Signer(
  token: Pkcs11Token,
  objectId: string,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
  hash?: HashName,
): Signer {
  const cert = parseCertificate(certificate);
  const tokenSpki = createPublicKey({
    key: Buffer.from(token.publicKey(objectId)),
    format: 'der',
    type: 'spki',
  });
  if (Buffer.compare(tokenSpki.export({ format: 'der', type: 'spki' }), Buffer.from(cert.spki)) !== 0) {
    throw new Error(`token key ${objectId} does not match the certificate of ${cert.subject}`);
  }
  const info = inspectKey(tokenSpki);
  const digest: HashName = hash ?? (info.curve === 'P-384' ? 'SHA-384' : 'SHA-256');
  return {
    certificate: Uint8Array.from(certificate),
    chain: chain.map((c) => Uint8Array.from(c)),
    algorithm: info.family === 'ec' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5',
    hash: digest,
    sign: async (data) => token.sign(objectId, data, digest),
  };
}
