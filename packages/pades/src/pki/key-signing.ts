import {
  createHash,
  createPrivateKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { promisify } from 'node:util';
import { nodeHash, signatureAlgorithmId } from '../cms/algorithms.js';
import { PadesError } from '../errors.js';
import type { CaMaterial, KeyOptions } from './pki.types.js';
import { type HashName, inspectKey, type KeyInfo, type SignatureAlgorithm, type Signer } from './signer.js';

/**
 * Key plumbing for the platform's own services (CA, CRL, OCSP, TSA): key generation, a cache of
 * parsed PEM keys (parsing a PEM costs more than an ECDSA signature), and "sign with this key
 * the usual way" with the matching AlgorithmIdentifier.
 */
const keyCache = new Map<string, KeyObject>();

/** The private KeyObject for a PEM, parsed once. */
export function keyFromPem(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) {
    try {
      key = createPrivateKey(pem);
    } catch (err) {
      throw new PadesError('INVALID_KEY', 'unreadable private key PEM', { cause: err });
    }
    if (keyCache.size > 256) keyCache.clear();
    keyCache.set(pem, key);
  }
  return key;
}

/** A service signing key: its algorithm identifier and a synchronous sign function. */
export interface ServiceKey {
  readonly algorithm: SignatureAlgorithm;
  readonly hash: HashName;
  readonly algorithmId: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

const serviceKeys = new WeakMap<KeyObject, ServiceKey>();

/** How the platform signs with `key`: RSA PKCS#1 v1.5 SHA-256, or ECDSA with the curve's hash. */
export function serviceKey(key: KeyObject): ServiceKey {
  let sk = serviceKeys.get(key);
  if (sk) return sk;
  const info = inspectKey(key);
  const hash: HashName = info.curve === 'P-384' ? 'SHA-384' : 'SHA-256';
  const algorithm: SignatureAlgorithm = info.family === 'ec' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5';
  const digest = nodeHash(hash);
  sk = {
    algorithm,
    hash,
    algorithmId: signatureAlgorithmId(algorithm, hash),
    sign: (data) => sign(digest, data, algorithm === 'ECDSA' ? { key, dsaEncoding: 'der' } : key),
  };
  serviceKeys.set(key, sk);
  return sk;
}

/**
 * How a CA signs certificates and CRLs, and a TSA its tokens: the AlgorithmIdentifier and a
 * signature function. A file key signs in-process; a `Signer` (e.g. the PKCS#11 signer of a
 * key in an HSM) signs wherever its key is, which is why this is asynchronous.
 */
export interface IssuerKey {
  readonly algorithm: SignatureAlgorithm;
  readonly hash: HashName;
  readonly algorithmId: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const signerKeys = new WeakMap<Signer, IssuerKey>();

/** The IssuerKey of a private key (RSA PKCS#1 v1.5 or ECDSA, see serviceKey) or of a Signer. */
export function issuerKeyOf(key: KeyObject | Signer): IssuerKey {
  if (!('sign' in key)) {
    const sk = serviceKey(key);
    return { ...sk, sign: async (data) => sk.sign(data) };
  }
  let ik = signerKeys.get(key);
  if (!ik) {
    ik = {
      algorithm: key.algorithm,
      hash: key.hash,
      algorithmId: signatureAlgorithmId(key.algorithm, key.hash),
      sign: (data) => key.sign(data),
    };
    signerKeys.set(key, ik);
  }
  return ik;
}

/** The key a CA signs with: its `signer` when the key is held elsewhere (HSM), else its PEM. */
export function caKey(ca: CaMaterial): IssuerKey {
  return issuerKeyOf(ca.signer ?? keyFromPem(ca.privateKeyPem));
}

const generate = promisify(generateKeyPair);

/** A new key pair with its public key as DER SubjectPublicKeyInfo. */
export interface GeneratedKey {
  privateKey: KeyObject;
  spki: Uint8Array;
  /** What inspectKey would answer, known from generation (asking the key costs a native round trip). */
  info: KeyInfo;
}

/** Node answers this for a public key encoding and none for the private key (its typings lack the overload). */
type MixedPair = { privateKey: KeyObject; publicKey: Buffer };

/**
 * A new key pair: RSA (default 2048 bits) or EC (default P-256), with the public key's SPKI
 * DER as generation gives it (deriving and exporting it again costs more than making an EC
 * key). EC keys are made synchronously: P-256 key generation is about 50 µs of CPU, less than
 * the thread-pool round trip of the asynchronous call; RSA (tens of ms) stays off the loop.
 */
export async function generateKeyPairWithSpki(opts: KeyOptions = {}): Promise<GeneratedKey> {
  const publicKeyEncoding = { type: 'spki', format: 'der' } as const;
  if ((opts.keyType ?? 'ec') === 'rsa') {
    const bits = opts.rsaBits ?? 2048;
    if (bits < 2048) throw new PadesError('UNSUPPORTED', 'RSA keys need at least 2048 bits');
    const pair = (await generate('rsa', {
      modulusLength: bits,
      publicKeyEncoding,
    } as never)) as unknown as MixedPair;
    return { privateKey: pair.privateKey, spki: pair.publicKey, info: { family: 'rsa', bits } };
  }
  const namedCurve = opts.curve === 'P-384' ? 'secp384r1' : 'prime256v1';
  const pair = generateKeyPairSync('ec', { namedCurve, publicKeyEncoding } as never) as unknown as MixedPair;
  const curve = namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
  return { privateKey: pair.privateKey, spki: pair.publicKey, info: { family: 'ec', curve } };
}

/** A new key pair (see generateKeyPairWithSpki) with its PKCS#8 PEM, parsed-key cache primed. */
export async function generateKey(
  opts: KeyOptions = {},
): Promise<{ privateKey: KeyObject; privateKeyPem: string }> {
  const { privateKey } = await generateKeyPairWithSpki(opts);
  const privateKeyPem = pemOf(privateKey);
  keyCache.set(privateKeyPem, privateKey);
  return { privateKey, privateKeyPem };
}

/** The PKCS#8 PEM of a private key. */
export function pemOf(privateKey: KeyObject): string {
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** A positive, 16-byte random serial number (RFC 5280 allows up to 20 octets). */
export function randomSerial(): Uint8Array {
  const b = randomBytes(16);
  b[0] = ((b[0] as number) & 0x7f) | 0x01;
  return b;
}

/** RFC 5280 method 1 key identifier: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(publicKeyBits: Uint8Array): Uint8Array {
  return createHash('sha1').update(publicKeyBits).digest();
}
