import { timingSafeEqual } from 'node:crypto';
import { enumerated, explicit, generalizedTime, octets, oid, seq } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { isPadesError } from '../errors.js';
import { bitStringOf, extension } from './certificate.builder.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';
import { REASON_CODES } from './crl.service.js';
import { keyFromPem, keyIdentifier, serviceKey } from './key-signing.js';
import { type CertId, certIdHash, issuerHashes, parseOcspRequest } from './ocsp-request.js';
import type { CertificateStatus } from './pki.types.js';

/**
 * The platform's OCSP responder as a function (request bytes in, response bytes out), so the
 * HTTP route stays thin and B-LT signing can ask it in-process. Signs with the CA key or with a
 * delegated responder certificate (EKU OCSPSigning) issued by that CA.
 */
export interface OcspResponderOptions {
  /** The CA whose certificates this responder answers for. */
  issuer: Uint8Array;
  /** The signing identity: the CA itself or a delegated responder certificate and key. */
  responder: { certificate: Uint8Array; privateKeyPem: string };
  /** Status of a serial (lowercase hex); unknown serials should answer `unknown`. */
  statusOf(serial: string): CertificateStatus | Promise<CertificateStatus>;
  now?: Date;
  /** nextUpdate distance; default 24 hours. */
  validityMinutes?: number;
}

/** OCSPResponseStatus values. */
export const OCSP_STATUS = { successful: 0, malformedRequest: 1, internalError: 2, unauthorized: 6 } as const;

const errorResponse = (status: number): Uint8Array => seq(enumerated(status));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function isForIssuer(id: CertId, issuer: ParsedCertificate): boolean {
  const hash = certIdHash(id.hashOid);
  if (!hash) return false;
  const h = issuerHashes(issuer, hash);
  return sameBytes(h.name, id.issuerNameHash) && sameBytes(h.key, id.issuerKeyHash);
}

function certStatus(s: CertificateStatus): Uint8Array {
  if (s.status === 'good') return Uint8Array.of(0x80, 0x00);
  if (s.status === 'unknown') return Uint8Array.of(0x82, 0x00);
  const reason = s.reason === 'unspecified' ? [] : [explicit(0, enumerated(REASON_CODES[s.reason]))];
  return explicit(1, generalizedTime(s.revokedAt), ...reason);
}

async function singleResponse(id: CertId, issuer: ParsedCertificate, o: OcspResponderOptions, now: Date) {
  const status: CertificateStatus = isForIssuer(id, issuer)
    ? await o.statusOf(id.serial)
    : { status: 'unknown' };
  const next = new Date(now.getTime() + (o.validityMinutes ?? 24 * 60) * 60_000);
  return seq(id.der, certStatus(status), generalizedTime(now), explicit(0, generalizedTime(next)));
}

/** Answers an OCSPRequest; malformed requests get a malformedRequest response, never a throw. */
export async function ocspRespond(requestDer: Uint8Array, o: OcspResponderOptions): Promise<Uint8Array> {
  let request: ReturnType<typeof parseOcspRequest>;
  try {
    request = parseOcspRequest(requestDer);
  } catch (err) {
    if (isPadesError(err, 'INVALID_REQUEST')) return errorResponse(OCSP_STATUS.malformedRequest);
    throw err;
  }
  if (request.certIds.length === 0 || request.certIds.length > 100)
    return errorResponse(OCSP_STATUS.malformedRequest);
  const issuer = parseCertificate(o.issuer);
  const responder = parseCertificate(o.responder.certificate);
  const sk = serviceKey(keyFromPem(o.responder.privateKeyPem));
  const now = o.now ?? new Date();
  const singles = await Promise.all(request.certIds.map((id) => singleResponse(id, issuer, o, now)));
  const exts = request.nonce
    ? [explicit(1, seq(extension(OID.ocspNonce, false, octets(request.nonce))))]
    : [];
  const tbs = seq(
    explicit(2, octets(keyIdentifier(responder.publicKeyBits))),
    generalizedTime(now),
    seq(...singles),
    ...exts,
  );
  const isDelegated = Buffer.compare(responder.der, issuer.der) !== 0;
  const certs = isDelegated ? [explicit(0, seq(responder.der))] : [];
  const basic = seq(tbs, sk.algorithmId, bitStringOf(sk.sign(tbs)), ...certs);
  return seq(enumerated(OCSP_STATUS.successful), explicit(0, seq(oid(OID.ocspBasic), octets(basic))));
}

/** One issuing CA generation a responder answers for, and the identity that signs its answers. */
export interface OcspAuthority {
  issuer: Uint8Array;
  responder: { certificate: Uint8Array; privateKeyPem: string };
}

/**
 * Answers for several CAs (the generations of a rotated issuing CA): the request's CertID
 * (issuerNameHash + issuerKeyHash) picks the CA, whose own responder signs the answer; a
 * request for a CA not in `authorities` gets `unauthorized` (RFC 6960 §2.3).
 */
export async function ocspRespondAmong(
  requestDer: Uint8Array,
  authorities: readonly OcspAuthority[],
  o: Omit<OcspResponderOptions, 'issuer' | 'responder'>,
): Promise<Uint8Array> {
  let first: CertId | undefined;
  try {
    first = parseOcspRequest(requestDer).certIds[0];
  } catch (err) {
    if (isPadesError(err, 'INVALID_REQUEST')) return errorResponse(OCSP_STATUS.malformedRequest);
    throw err;
  }
  if (!first) return errorResponse(OCSP_STATUS.malformedRequest);
  const id = first;
  const authority = authorities.find((a) => isForIssuer(id, parseCertificate(a.issuer)));
  if (!authority) return errorResponse(OCSP_STATUS.unauthorized);
  return ocspRespond(requestDer, { ...o, ...authority });
}
