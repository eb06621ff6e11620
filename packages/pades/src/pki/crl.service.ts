import { readSignatureAlgorithm, verifySignatureValue } from '../cms/algorithms.js';
import {
  bitStringValue,
  bytesOf,
  child,
  children,
  hexInt,
  oidOf,
  readRoot,
  readTlv,
  smallInt,
  timeOf,
} from '../cms/der-reader.js';
import { enumerated, explicit, int, seq, time } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { PadesError } from '../errors.js';
import { authorityKeyId, bitStringOf, extension } from './certificate.builder.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';
import { caKey, keyIdentifier } from './key-signing.js';
import type { CaMaterial, RevocationReason, RevokedEntry } from './pki.types.js';

/**
 * X.509 v2 CRLs: generation for the platform CA (published at the crlUrl of its certificates)
 * and parsing/verification of CRLs found in DSS dictionaries or fetched.
 */
export interface CrlOptions {
  thisUpdate?: Date;
  /** Defaults to thisUpdate + 7 days. */
  nextUpdate?: Date;
  crlNumber?: number | bigint;
}

/** A decoded CRL. */
export interface ParsedCrl {
  readonly der: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly entries: readonly RevokedEntry[];
  readonly tbs: Uint8Array;
  readonly signature: Uint8Array;
  readonly signatureAlgorithm: ReturnType<typeof readSignatureAlgorithm>;
}

/** RFC 5280 CRLReason codes. */
export const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
};
const REASON_BY_CODE = new Map(Object.entries(REASON_CODES).map(([k, v]) => [v, k as RevocationReason]));
/** The reason for a code (unknown codes read as unspecified). */
export const reasonFromCode = (code: number): RevocationReason => REASON_BY_CODE.get(code) ?? 'unspecified';

function entry(e: RevokedEntry): Uint8Array {
  const serial = Buffer.from(e.serial.length % 2 ? `0${e.serial}` : e.serial, 'hex');
  if (e.reason === 'unspecified') return seq(int(serial), time(e.revokedAt));
  return seq(
    int(serial),
    time(e.revokedAt),
    seq(extension(OID.crlReason, false, enumerated(REASON_CODES[e.reason]))),
  );
}

/** Signs a CRL for `ca` listing `revoked`. */
export async function createCrl(
  ca: CaMaterial,
  revoked: readonly RevokedEntry[],
  opts: CrlOptions = {},
): Promise<Uint8Array> {
  const cert = parseCertificate(ca.certificate);
  const sk = caKey(ca);
  const thisUpdate = opts.thisUpdate ?? new Date();
  const nextUpdate = opts.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * 86_400_000);
  const aki = cert.subjectKeyId ?? keyIdentifier(cert.publicKeyBits);
  const extensions = seq(
    authorityKeyId(aki),
    extension(OID.crlNumber, false, int(BigInt(opts.crlNumber ?? Date.now()))),
  );
  const tbs = seq(
    int(1),
    sk.algorithmId,
    cert.subjectDer,
    time(thisUpdate),
    time(nextUpdate),
    ...(revoked.length ? [seq(...revoked.map(entry))] : []),
    explicit(0, extensions),
  );
  return seq(tbs, sk.algorithmId, bitStringOf(await sk.sign(tbs)));
}

function readEntry(der: Uint8Array, t: ReturnType<typeof readTlv>): RevokedEntry {
  const k = children(der, t);
  let reason: RevocationReason = 'unspecified';
  for (const ext of k[2] ? children(der, k[2]) : []) {
    const parts = children(der, ext);
    const id = parts[0];
    const valueT = parts[parts.length - 1];
    if (id && valueT && oidOf(der, id) === OID.crlReason) {
      reason = reasonFromCode(smallInt(der, readTlv(der, valueT.contentStart, valueT.contentEnd)));
    }
  }
  return { serial: hexInt(der, child(der, k, 0, 0x02)), revokedAt: timeOf(der, child(der, k, 1)), reason };
}

/** Parses a DER CRL; throws MALFORMED_DER-derived INVALID_ARGUMENT on garbage. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  try {
    const [tbsT, algT, sigT] = children(der, readRoot(der));
    if (!tbsT || !algT || !sigT) throw new Error('incomplete CRL');
    const k = children(der, tbsT);
    let i = k[0]?.tag === 0x02 ? 1 : 0;
    i++; // signature algorithm inside tbs
    const issuerDer = bytesOf(der, child(der, k, i++, 0x30));
    const thisUpdate = timeOf(der, child(der, k, i++));
    const next = k[i]?.tag === 0x17 || k[i]?.tag === 0x18 ? k[i++] : undefined;
    const list = k[i]?.tag === 0x30 ? k[i] : undefined;
    return {
      der,
      issuerDer,
      thisUpdate,
      nextUpdate: next ? timeOf(der, next) : undefined,
      entries: list ? children(der, list).map((e) => readEntry(der, e)) : [],
      tbs: bytesOf(der, tbsT),
      signature: bitStringValue(der, sigT),
      signatureAlgorithm: readSignatureAlgorithm(der, algT),
    };
  } catch (err) {
    throw new PadesError('INVALID_ARGUMENT', `not a valid CRL: ${(err as Error).message}`, { cause: err });
  }
}

/** True when `issuer` issued and signed the CRL. */
export function isCrlSignedBy(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  if (Buffer.compare(crl.issuerDer, issuer.subjectDer) !== 0) return false;
  const alg = crl.signatureAlgorithm;
  return verifySignatureValue(alg, alg.hash ?? 'SHA-256', issuer.publicKey, crl.tbs, crl.signature);
}
