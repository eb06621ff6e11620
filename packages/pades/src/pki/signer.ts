import { constants, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { hashLength, nodeHash } from '../cms/algorithms.js';
import { PadesError } from '../errors.js';
import { parseCertificate } from './certificate.parser.js';
import { certificatesFromPem } from './pem.codec.js';
import { readPkcs12 } from './pkcs12.reader.js';

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type SignatureAlgorithm = 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA';

/** The one signing seam: local keys now, HSM/KMS/CSC remote signers later. */
export interface Signer {
  /** DER of the signer certificate. */
  readonly certificate: Uint8Array;
  /** DER issuer certificates, nearest issuer first, root optional. */
  readonly chain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  readonly hash: HashName;
  /** Raw signature over `data` (the DER of the signed attributes); ECDSA as DER Ecdsa-Sig-Value. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Choices for a local signer; defaults follow the key (SHA-384 for P-384, PKCS#1 v1.5 for RSA). */
export interface SignerOptions {
  hash?: HashName;
  rsaPadding?: 'pkcs1' | 'pss';
}

/** A key's family, with its curve (EC) or modulus length (RSA). */
export interface KeyInfo {
  family: 'rsa' | 'ec';
  curve?: 'P-256' | 'P-384';
  bits?: number;
}

/** Checks the key is one the issue allows (RSA ≥ 2048, P-256, P-384) and returns its family. */
export function inspectKey(key: KeyObject): KeyInfo {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    if (bits < 2048) throw new PadesError('UNSUPPORTED', `RSA keys need at least 2048 bits (got ${bits})`);
    return { family: 'rsa', bits };
  }
  if (type === 'ec') {
    if (details.namedCurve === 'prime256v1') return { family: 'ec', curve: 'P-256' };
    if (details.namedCurve === 'secp384r1') return { family: 'ec', curve: 'P-384' };
    throw new PadesError('UNSUPPORTED', `unsupported elliptic curve ${details.namedCurve ?? '?'}`);
  }
  throw new PadesError('UNSUPPORTED', `unsupported key type ${type ?? '?'}`);
}

/**
 * A Signer over a Node KeyObject. Checks that the key belongs to the certificate, so a wrong
 * key fails here (INVALID_KEY) instead of producing signatures nobody can verify.
 */
export function createLocalSigner(
  key: KeyObject,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
  opts: SignerOptions = {},
): Signer {
  inspectKey(key);
  const cert = parseCertificate(certificate);
  const ownSpki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (Buffer.compare(ownSpki, cert.spki) !== 0) {
    throw new PadesError('INVALID_KEY', `the private key does not match the certificate of ${cert.subject}`);
  }
  return localSigner(key, certificate, chain, opts);
}

/**
 * The Signer of `createLocalSigner` without the key/certificate match check: only for a
 * certificate the caller has just built over this key's own public key (the CA's per-signer
 * issuance), where deriving and comparing the public key again would only cost time. `known`
 * is the key's family as its generation chose it (then the key is not asked again: reading
 * `asymmetricKeyDetails` of a new EC key converts it to OpenSSL's legacy form each time).
 */
export function localSigner(
  key: KeyObject,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
  opts: SignerOptions = {},
  known?: KeyInfo,
): Signer {
  const info = known ?? inspectKey(key);
  const hash: HashName = opts.hash ?? (info.curve === 'P-384' ? 'SHA-384' : 'SHA-256');
  const algorithm: SignatureAlgorithm =
    info.family === 'ec'
      ? 'ECDSA'
      : opts.rsaPadding === 'pss' || key.asymmetricKeyType === 'rsa-pss'
        ? 'RSA-PSS'
        : 'RSASSA-PKCS1-v1_5';
  const digest = nodeHash(hash);
  const signOpts =
    algorithm === 'RSA-PSS'
      ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(hash) }
      : algorithm === 'ECDSA'
        ? { key, dsaEncoding: 'der' as const }
        : { key, padding: constants.RSA_PKCS1_PADDING };
  return {
    certificate: Uint8Array.from(certificate),
    chain: chain.map((c) => Uint8Array.from(c)),
    algorithm,
    hash,
    sign: async (data: Uint8Array) => sign(digest, data, signOpts),
  };
}

/** A Signer from PEM key (PKCS#8/PKCS#1/SEC1, optionally encrypted) and PEM certificate(s). */
export async function signerFromPem(
  keyPem: string,
  certPem: string,
  chainPem: string[] = [],
  opts: SignerOptions & { passphrase?: string } = {},
): Promise<Signer> {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyPem, format: 'pem', passphrase: opts.passphrase });
  } catch (err) {
    const encrypted = /ENCRYPTED/.test(keyPem);
    const code = encrypted ? 'BAD_PASSWORD' : 'INVALID_KEY';
    throw new PadesError(
      code,
      encrypted ? 'wrong passphrase for the private key' : 'unreadable private key',
      {
        cause: err,
      },
    );
  }
  const [certificate, ...rest] = certificatesFromPem(certPem);
  const chain = [...rest, ...chainPem.flatMap((p) => certificatesFromPem(p))];
  return createLocalSigner(key, certificate as Uint8Array, chain, opts);
}

/** A Signer from a PKCS#12 (.p12/.pfx) file; a wrong password is BAD_PASSWORD. */
export async function signerFromPkcs12(
  p12: Uint8Array,
  password: string,
  opts: SignerOptions = {},
): Promise<Signer> {
  const { key, certificate, chain } = readPkcs12(p12, password);
  return createLocalSigner(key, certificate, chain, opts);
}
