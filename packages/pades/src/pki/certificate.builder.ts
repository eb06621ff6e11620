import type { KeyObject } from 'node:crypto';
import { bitString, bool, explicit, implicit, int, octets, oid, seq, time, tlv } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { type IssuerKey, issuerKeyOf, randomSerial } from './key-signing.js';

/**
 * Hand-built X.509 v3 certificates. We control every byte (UTF-8 names, criticality, exact key
 * usages) and avoid WebCrypto key conversions; issuance is not hot, but tests issue many.
 */
export interface CertificateSpec {
  readonly subject: Uint8Array;
  readonly issuer: Uint8Array;
  readonly spki: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: readonly Uint8Array[];
  readonly serial?: Uint8Array;
}

/** One Extension; criticality is omitted when false, as DER requires for a DEFAULT. */
export function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** KeyUsage BIT STRING from bit numbers, minimal DER form (trailing zero bits trimmed). */
export function keyUsageValue(bits: readonly number[]): Uint8Array {
  const max = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(max / 8) + 1);
  for (const b of bits) bytes[b >> 3] = (bytes[b >> 3] as number) | (0x80 >> (b & 7));
  return bitString(bytes, 7 - (max & 7));
}

export const basicConstraints = (isCa: boolean, pathLength?: number): Uint8Array =>
  extension(
    OID.basicConstraints,
    true,
    isCa ? (pathLength === undefined ? seq(bool(true)) : seq(bool(true), int(pathLength))) : seq(),
  );

export const keyUsage = (bits: readonly number[]): Uint8Array =>
  extension(OID.keyUsage, true, keyUsageValue(bits));

export const extendedKeyUsage = (oids: readonly string[], critical = false): Uint8Array =>
  extension(OID.extKeyUsage, critical, seq(...oids.map(oid)));

export const subjectKeyId = (id: Uint8Array): Uint8Array =>
  extension(OID.subjectKeyIdentifier, false, octets(id));

export const authorityKeyId = (id: Uint8Array): Uint8Array =>
  extension(OID.authorityKeyIdentifier, false, seq(implicit(0, id)));

/** AIA with OCSP and/or caIssuers URLs; undefined when there is nothing to say. */
export function authorityInfoAccess(ocspUrl?: string, caIssuersUrl?: string): Uint8Array | undefined {
  const ads: Uint8Array[] = [];
  if (ocspUrl) ads.push(seq(oid(OID.ocspAccess), implicit(6, Buffer.from(ocspUrl, 'latin1'))));
  if (caIssuersUrl) ads.push(seq(oid(OID.caIssuersAccess), implicit(6, Buffer.from(caIssuersUrl, 'latin1'))));
  return ads.length ? extension(OID.authorityInfoAccess, false, seq(...ads)) : undefined;
}

/** CRL distribution point with one URL. */
export const crlDistributionPoint = (url: string): Uint8Array =>
  extension(
    OID.crlDistributionPoints,
    false,
    seq(seq(explicit(0, explicit(0, implicit(6, Buffer.from(url, 'latin1')))))),
  );

/** subjectAltName with an rfc822Name (e-mail). */
export const emailAltName = (email: string): Uint8Array =>
  extension(OID.subjectAltName, false, seq(implicit(1, Buffer.from(email, 'latin1'))));

/** A GeneralName for the builders below: dNSName, rfc822Name or directoryName (DER Name). */
export type GeneralNameSpec = { dns: string } | { email: string } | { dn: Uint8Array };

function generalName(n: GeneralNameSpec): Uint8Array {
  if ('dns' in n) return implicit(2, Buffer.from(n.dns, 'latin1'));
  if ('email' in n) return implicit(1, Buffer.from(n.email, 'latin1'));
  return tlv(0xa4, n.dn);
}

/** subjectAltName with any mix of dNSName, rfc822Name and directoryName. */
export const subjectAltNames = (names: readonly GeneralNameSpec[]): Uint8Array =>
  extension(OID.subjectAltName, false, seq(...names.map(generalName)));

/** nameConstraints (critical, as RFC 5280 requires) with permitted and/or excluded subtrees. */
export function nameConstraints(
  permitted: readonly GeneralNameSpec[],
  excluded: readonly GeneralNameSpec[] = [],
): Uint8Array {
  const trees = (names: readonly GeneralNameSpec[]) => names.map((n) => seq(generalName(n)));
  const parts: Uint8Array[] = [];
  if (permitted.length) parts.push(tlv(0xa0, ...trees(permitted)));
  if (excluded.length) parts.push(tlv(0xa1, ...trees(excluded)));
  return extension(OID.nameConstraints, true, seq(...parts));
}

/** certificatePolicies with bare policy OIDs (no qualifiers). */
export const certificatePolicies = (oids: readonly string[]): Uint8Array =>
  extension(OID.certificatePolicies, false, seq(...oids.map((o) => seq(oid(o)))));

/** policyMappings from [issuerDomainPolicy, subjectDomainPolicy] pairs. */
export const policyMappings = (pairs: readonly (readonly [string, string])[]): Uint8Array =>
  extension(OID.policyMappings, true, seq(...pairs.map(([a, b]) => seq(oid(a), oid(b)))));

/** policyConstraints (critical) with requireExplicitPolicy and/or inhibitPolicyMapping skip counts. */
export function policyConstraints(c: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number }) {
  const parts: Uint8Array[] = [];
  const n = (v: number) => int(v).subarray(2);
  if (c.requireExplicitPolicy !== undefined) parts.push(implicit(0, n(c.requireExplicitPolicy)));
  if (c.inhibitPolicyMapping !== undefined) parts.push(implicit(1, n(c.inhibitPolicyMapping)));
  return extension(OID.policyConstraints, true, seq(...parts));
}

/** inhibitAnyPolicy (critical) with its skip count. */
export const inhibitAnyPolicy = (skipCerts: number): Uint8Array =>
  extension(OID.inhibitAnyPolicy, true, int(skipCerts));

/** id-pkix-ocsp-nocheck, so validators do not ask the responder about its own certificate. */
export const ocspNoCheck = (): Uint8Array => extension(OID.ocspNoCheck, false, Uint8Array.of(0x05, 0x00));

/** Signs the TBSCertificate with the issuer key (in-process or a Signer's) and returns the DER certificate. */
export async function buildCertificate(
  spec: CertificateSpec,
  issuerKey: KeyObject | IssuerKey,
): Promise<Uint8Array> {
  const sk = 'algorithmId' in issuerKey ? issuerKey : issuerKeyOf(issuerKey);
  const tbs = seq(
    explicit(0, int(2)),
    int(spec.serial ?? randomSerial()),
    sk.algorithmId,
    spec.issuer,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.spki,
    explicit(3, seq(...spec.extensions)),
  );
  return seq(tbs, sk.algorithmId, bitString(await sk.sign(tbs)));
}

/** BIT STRING around a signature value (certificates, CRLs, OCSP responses). */
export const bitStringOf = (signature: Uint8Array): Uint8Array => bitString(signature);
