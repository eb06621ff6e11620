import { constants, type KeyObject, verify } from 'node:crypto';
import { PadesError } from '../errors.js';
import type { HashName, SignatureAlgorithm } from '../pki/signer.js';
import { child, children, oidOf, readTlv, smallInt, type Tlv } from './der-reader.js';
import { explicit, int, nul, oid, seq } from './der-writer.js';
import { OID } from './oids.js';

/**
 * Algorithm identifiers, encoded once and cached: the same handful appears in every CMS,
 * certificate and response we write, and in every one we read.
 */
const HASH_OID: Record<HashName, string> = {
  'SHA-256': OID.sha256,
  'SHA-384': OID.sha384,
  'SHA-512': OID.sha512,
};
const HASH_BY_OID = new Map<string, HashName>(Object.entries(HASH_OID).map(([k, v]) => [v, k as HashName]));
const NODE_HASH: Record<HashName, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const HASH_LEN: Record<HashName, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** Node's digest name for a HashName. */
export const nodeHash = (h: HashName): string => NODE_HASH[h];
/** Digest length in bytes (also the PSS salt length we use). */
export const hashLength = (h: HashName): number => HASH_LEN[h];
/** HashName for a digest OID, or undefined (e.g. SHA-1, which we do not accept). */
export const hashFromOid = (o: string): HashName | undefined => HASH_BY_OID.get(o);
/** The OID of a hash. */
export const hashOid = (h: HashName): string => HASH_OID[h];

const cache = new Map<string, Uint8Array>();
function cached(key: string, make: () => Uint8Array): Uint8Array {
  let v = cache.get(key);
  if (!v) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** DigestAlgorithmIdentifier without parameters (RFC 5754). */
export function digestAlgorithmId(h: HashName): Uint8Array {
  return cached(`d:${h}`, () => seq(oid(HASH_OID[h])));
}

/** Hash AlgorithmIdentifier with NULL parameters (used inside RSASSA-PSS params and OCSP CertID). */
export function digestAlgorithmIdWithNull(h: HashName): Uint8Array {
  return cached(`dn:${h}`, () => seq(oid(HASH_OID[h]), nul()));
}

const RSA_OID: Record<HashName, string> = {
  'SHA-256': OID.sha256WithRsa,
  'SHA-384': OID.sha384WithRsa,
  'SHA-512': OID.sha512WithRsa,
};
const ECDSA_OID: Record<HashName, string> = {
  'SHA-256': OID.ecdsaSha256,
  'SHA-384': OID.ecdsaSha384,
  'SHA-512': OID.ecdsaSha512,
};

/** The signature AlgorithmIdentifier for a (scheme, hash) pair; PSS uses salt length = hash length. */
export function signatureAlgorithmId(alg: SignatureAlgorithm, h: HashName): Uint8Array {
  return cached(`s:${alg}:${h}`, () => {
    if (alg === 'ECDSA') return seq(oid(ECDSA_OID[h]));
    if (alg === 'RSASSA-PKCS1-v1_5') return seq(oid(RSA_OID[h]), nul());
    const hashId = digestAlgorithmIdWithNull(h);
    return seq(
      oid(OID.rsaPss),
      seq(explicit(0, hashId), explicit(1, seq(oid(OID.mgf1), hashId)), explicit(2, int(HASH_LEN[h]))),
    );
  });
}

/** A signature algorithm as read from a structure: the scheme, and the hash when it names one. */
export interface ReadSignatureAlgorithm {
  readonly algorithm: SignatureAlgorithm;
  readonly hash?: HashName;
  readonly saltLength?: number;
}

const BY_OID = new Map<string, ReadSignatureAlgorithm>([
  [OID.rsaEncryption, { algorithm: 'RSASSA-PKCS1-v1_5' }],
  [OID.ecPublicKey, { algorithm: 'ECDSA' }],
  ...Object.entries(RSA_OID).map(
    ([h, o]) =>
      [o, { algorithm: 'RSASSA-PKCS1-v1_5', hash: h as HashName }] as [string, ReadSignatureAlgorithm],
  ),
  ...Object.entries(ECDSA_OID).map(
    ([h, o]) => [o, { algorithm: 'ECDSA', hash: h as HashName }] as [string, ReadSignatureAlgorithm],
  ),
]);

/** Maps a non-PSS signature OID; PSS parameters are decoded by the caller (see readPssParams). */
export function signatureFromOid(o: string): ReadSignatureAlgorithm {
  if (o === OID.rsaPss) return { algorithm: 'RSA-PSS' };
  const found = BY_OID.get(o);
  if (!found) throw new PadesError('UNSUPPORTED', `unsupported signature algorithm ${o}`);
  return found;
}

/** Decodes a signature AlgorithmIdentifier, including RSASSA-PSS parameters. */
export function readSignatureAlgorithm(buf: Uint8Array, algId: Tlv): ReadSignatureAlgorithm {
  const kids = children(buf, algId);
  const base = signatureFromOid(oidOf(buf, child(buf, kids, 0)));
  if (base.algorithm !== 'RSA-PSS') return base;
  const params = kids[1];
  let hash: HashName | undefined;
  let saltLength = 20;
  for (const p of params && params.tag === 0x30 ? children(buf, params) : []) {
    const inner = readTlv(buf, p.contentStart, p.contentEnd);
    if (p.tag === 0xa0) hash = hashFromOid(oidOf(buf, child(buf, children(buf, inner), 0)));
    if (p.tag === 0xa2) saltLength = smallInt(buf, inner);
  }
  if (!hash) throw new PadesError('UNSUPPORTED', 'RSASSA-PSS with SHA-1 or an unknown hash is not supported');
  return { algorithm: 'RSA-PSS', hash, saltLength };
}

/** Checks a raw signature value with Node's crypto; false (never a throw) on a bad signature. */
export function verifySignatureValue(
  alg: ReadSignatureAlgorithm,
  hash: HashName,
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    if (alg.algorithm === 'RSA-PSS') {
      const saltLength = alg.saltLength ?? hashLength(hash);
      return verify(
        NODE_HASH[hash],
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
        signature,
      );
    }
    if (alg.algorithm === 'RSASSA-PKCS1-v1_5') {
      return verify(NODE_HASH[hash], data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    return verify(NODE_HASH[hash], data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
