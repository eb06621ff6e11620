import { timingSafeEqual } from 'node:crypto';
import { readSignatureAlgorithm, verifySignatureValue } from '../cms/algorithms.js';
import {
  bitStringValue,
  bytesOf,
  child,
  children,
  contentOf,
  octetValue,
  oidOf,
  readRoot,
  smallInt,
  type Tlv,
  timeOf,
} from '../cms/der-reader.js';
import { OID } from '../cms/oids.js';
import { PadesError } from '../errors.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';
import { reasonFromCode } from './crl.service.js';
import { type CertId, certIdHash, issuerHashes, readCertId, readNonce } from './ocsp-request.js';
import type { CertificateStatus } from './pki.types.js';

/**
 * Reads OCSP responses (fetched, or embedded in a DSS) and checks who signed them: the CA
 * itself, or a delegated responder with EKU OCSPSigning issued by that CA.
 */
export interface OcspSingleResponse {
  readonly certId: CertId;
  readonly status: CertificateStatus;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

/** A decoded OCSPResponse; only `successful` responses carry the basic fields. */
export interface ParsedOcspResponse {
  readonly der: Uint8Array;
  /** 0 successful, 1 malformedRequest, 2 internalError, 3 tryLater, 5 sigRequired, 6 unauthorized. */
  readonly status: number;
  readonly producedAt?: Date;
  readonly responderKeyHash?: Uint8Array;
  readonly responderName?: Uint8Array;
  readonly responses: readonly OcspSingleResponse[];
  readonly certificates: readonly Uint8Array[];
  readonly nonce?: Uint8Array;
  readonly tbs?: Uint8Array;
  readonly signature?: Uint8Array;
  readonly signatureAlgorithm?: ReturnType<typeof readSignatureAlgorithm>;
}

function readStatus(der: Uint8Array, t: Tlv): CertificateStatus {
  if (t.tag === 0x80) return { status: 'good' };
  if (t.tag !== 0xa1) return { status: 'unknown' };
  const k = children(der, t);
  const reasonT = k[1] ? children(der, k[1])[0] : undefined;
  return {
    status: 'revoked',
    revokedAt: timeOf(der, child(der, k, 0, 0x18)),
    reason: reasonT ? reasonFromCode(smallInt(der, reasonT)) : 'unspecified',
  };
}

function readSingle(der: Uint8Array, t: Tlv): OcspSingleResponse {
  const k = children(der, t);
  const nextWrap = k.find((x) => x.tag === 0xa0);
  return {
    certId: readCertId(der, child(der, k, 0, 0x30)),
    status: readStatus(der, child(der, k, 1)),
    thisUpdate: timeOf(der, child(der, k, 2, 0x18)),
    nextUpdate: nextWrap ? timeOf(der, child(der, children(der, nextWrap), 0)) : undefined,
  };
}

function readBasic(basic: Uint8Array): Omit<ParsedOcspResponse, 'der' | 'status'> {
  const [tbsT, algT, sigT, certsWrap] = children(basic, readRoot(basic));
  if (!tbsT || !algT || !sigT) throw new Error('incomplete BasicOCSPResponse');
  const k = children(basic, tbsT);
  let i = k[0]?.tag === 0xa0 ? 1 : 0;
  const rid = child(basic, k, i++);
  const ridValue = child(basic, children(basic, rid), 0);
  const producedAt = timeOf(basic, child(basic, k, i++, 0x18));
  const responses = children(basic, child(basic, k, i++, 0x30)).map((s) => readSingle(basic, s));
  const extsWrap = k[i]?.tag === 0xa1 ? k[i] : undefined;
  const certsT = certsWrap ? child(basic, children(basic, certsWrap), 0, 0x30) : undefined;
  return {
    producedAt,
    responderKeyHash: rid.tag === 0xa2 ? contentOf(basic, ridValue) : undefined,
    responderName: rid.tag === 0xa1 ? bytesOf(basic, ridValue) : undefined,
    responses,
    certificates: certsT ? children(basic, certsT).map((c) => bytesOf(basic, c)) : [],
    nonce: readNonce(basic, extsWrap ? child(basic, children(basic, extsWrap), 0, 0x30) : undefined),
    tbs: bytesOf(basic, tbsT),
    signature: bitStringValue(basic, sigT),
    signatureAlgorithm: readSignatureAlgorithm(basic, algT),
  };
}

/** Parses a DER OCSPResponse; throws INVALID_ARGUMENT when it is not one. */
export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  try {
    const k = children(der, readRoot(der));
    const status = smallInt(der, child(der, k, 0, 0x0a));
    if (status !== 0 || !k[1]) return { der, status, responses: [], certificates: [] };
    const rb = children(der, child(der, children(der, k[1]), 0, 0x30));
    if (oidOf(der, child(der, rb, 0, 0x06)) !== OID.ocspBasic) throw new Error('not a basic OCSP response');
    return { der, status, ...readBasic(octetValue(der, child(der, rb, 1))) };
  } catch (err) {
    throw new PadesError('INVALID_ARGUMENT', `not a valid OCSP response: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function isResponderId(r: ParsedOcspResponse, c: ParsedCertificate): boolean {
  if (r.responderName) return Buffer.compare(r.responderName, c.subjectDer) === 0;
  const keyHash = issuerHashes(c, 'sha1').key;
  return (
    !!r.responderKeyHash && r.responderKeyHash.length === 20 && timingSafeEqual(keyHash, r.responderKeyHash)
  );
}

/** The certificate that signed the response, if it is `issuer` or a valid delegate of it. */
export function ocspSigner(r: ParsedOcspResponse, issuer: ParsedCertificate): ParsedCertificate | undefined {
  if (!r.tbs || !r.signature || !r.signatureAlgorithm) return undefined;
  const alg = r.signatureAlgorithm;
  const verifies = (c: ParsedCertificate) =>
    verifySignatureValue(
      alg,
      alg.hash ?? 'SHA-256',
      c.publicKey,
      r.tbs as Uint8Array,
      r.signature as Uint8Array,
    );
  if (isResponderId(r, issuer)) return verifies(issuer) ? issuer : undefined;
  for (const der of r.certificates) {
    const c = parseCertificate(der);
    if (!isResponderId(r, c) || !c.extendedKeyUsage?.includes(OID.ekuOcspSigning)) continue;
    if (Buffer.compare(c.issuerDer, issuer.subjectDer) !== 0) continue;
    const sa = c.signatureAlgorithm;
    if (!verifySignatureValue(sa, sa.hash ?? 'SHA-256', issuer.publicKey, c.tbs, c.signature)) continue;
    return verifies(c) ? c : undefined;
  }
  return undefined;
}

/** The single response about `cert` (issued by `issuer`), matched by CertID. */
export function findSingleResponse(
  r: ParsedOcspResponse,
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
) {
  return r.responses.find((s) => {
    const hash = certIdHash(s.certId.hashOid);
    if (!hash || s.certId.serial !== cert.serial) return false;
    const h = issuerHashes(issuer, hash);
    return (
      Buffer.compare(h.name, s.certId.issuerNameHash) === 0 &&
      Buffer.compare(h.key, s.certId.issuerKeyHash) === 0
    );
  });
}
