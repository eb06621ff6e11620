import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { type ReadSignatureAlgorithm, readSignatureAlgorithm } from '../cms/algorithms.js';
import {
  bitStringValue,
  bytesOf,
  child,
  children,
  hexInt,
  readRoot,
  type Tlv,
  timeOf,
} from '../cms/der-reader.js';
import { PadesError } from '../errors.js';
import type { CertificateExtensions } from './certificate-extensions.parser.js';
import { readExtensions } from './certificate-extensions.parser.js';
import { nameToString } from './name.codec.js';

/**
 * An X.509 certificate decoded once and cached by its bytes: validation meets the same few
 * certificates thousands of times, so the parse, the public key and the hashes are paid once.
 */
export interface ParsedCertificate extends CertificateExtensions {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly serial: string;
  readonly serialDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  /** The subjectPublicKey BIT STRING payload (what SKI and OCSP key hashes are computed over). */
  readonly publicKeyBits: Uint8Array;
  readonly signatureAlgorithm: ReadSignatureAlgorithm;
  readonly signature: Uint8Array;
  readonly publicKey: KeyObject;
  readonly isSelfIssued: boolean;
  /** Lazily computed digests of the whole certificate, keyed by Node hash name. */
  digest(nodeHashName: string): Uint8Array;
}

const cache = new Map<string, ParsedCertificate>();
const CACHE_LIMIT = 2000;

function cacheKey(der: Uint8Array): string {
  return Buffer.from(der.buffer, der.byteOffset, der.length).toString('latin1');
}

/** Parses (or returns the cached parse of) a DER certificate; throws MALFORMED_CERTIFICATE. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const key = cacheKey(der);
  const hit = cache.get(key);
  if (hit) return hit;
  let parsed: ParsedCertificate;
  try {
    parsed = decode(Uint8Array.from(der));
  } catch (err) {
    throw new PadesError(
      'MALFORMED_CERTIFICATE',
      `not a valid X.509 certificate: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

function decode(der: Uint8Array): ParsedCertificate {
  const root = readRoot(der);
  const [tbsT, algT, sigT] = children(der, root);
  if (!tbsT || !algT || !sigT) throw new Error('certificate needs tbs, algorithm and signature');
  const tbsKids = children(der, tbsT);
  const off = tbsKids[0]?.tag === 0xa0 ? 1 : 0;
  const serialT = child(der, tbsKids, off, 0x02);
  const validity = children(der, child(der, tbsKids, off + 3, 0x30));
  const spkiT = child(der, tbsKids, off + 5, 0x30);
  const issuerDer = bytesOf(der, child(der, tbsKids, off + 2, 0x30));
  const subjectDer = bytesOf(der, child(der, tbsKids, off + 4, 0x30));
  const extT = tbsKids.find((t: Tlv) => t.tag === 0xa3);
  const spki = bytesOf(der, spkiT);
  const digests = new Map<string, Uint8Array>();
  return {
    der,
    tbs: bytesOf(der, tbsT),
    serial: hexInt(der, serialT),
    serialDer: bytesOf(der, serialT),
    issuerDer,
    subjectDer,
    subject: nameToString(subjectDer),
    issuer: nameToString(issuerDer),
    notBefore: timeOf(der, child(der, validity, 0)),
    notAfter: timeOf(der, child(der, validity, 1)),
    spki,
    publicKeyBits: bitStringValue(der, child(der, children(der, spkiT), 1, 0x03)),
    signatureAlgorithm: readSignatureAlgorithm(der, algT),
    signature: bitStringValue(der, sigT),
    publicKey: createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
    isSelfIssued: Buffer.compare(issuerDer, subjectDer) === 0,
    ...readExtensions(der, extT ? child(der, children(der, extT), 0, 0x30) : undefined),
    digest(name: string): Uint8Array {
      let d = digests.get(name);
      if (!d) {
        d = createHash(name).update(der).digest();
        digests.set(name, d);
      }
      return d;
    },
  };
}
