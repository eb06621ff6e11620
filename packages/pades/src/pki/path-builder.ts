import { verifySignatureValue } from '../cms/algorithms.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';

/**
 * Builds a certification path from a certificate up to a trust anchor, choosing issuers by
 * name, key identifier and, decisively, by the signature actually verifying.
 */
const verifiedPairs = new Set<string>();

/** True when `issuer`'s key verifies `cert`'s signature (memoised: validation repeats this a lot). */
export function isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const key =
    Buffer.from(cert.digest('sha256')).toString('hex') + Buffer.from(issuer.digest('sha256')).toString('hex');
  if (verifiedPairs.has(key)) return true;
  const alg = cert.signatureAlgorithm;
  const ok = verifySignatureValue(alg, alg.hash ?? 'SHA-256', issuer.publicKey, cert.tbs, cert.signature);
  if (ok) {
    if (verifiedPairs.size > 10_000) verifiedPairs.clear();
    verifiedPairs.add(key);
  }
  return ok;
}

function couldIssue(cert: ParsedCertificate, candidate: ParsedCertificate): boolean {
  if (Buffer.compare(cert.issuerDer, candidate.subjectDer) !== 0) return false;
  if (cert.authorityKeyId && candidate.subjectKeyId)
    return Buffer.compare(cert.authorityKeyId, candidate.subjectKeyId) === 0;
  return true;
}

/** The result of path building: certificates leaf first; `anchored` when the last one is an anchor. */
export interface BuiltPath {
  readonly path: ParsedCertificate[];
  readonly anchored: boolean;
  /** Set when a certificate named an issuer we have, but its signature did not verify. */
  readonly badSignatureAt?: ParsedCertificate;
}

const MAX_DEPTH = 10;

/** Walks up from `leaf`, preferring trust anchors over intermediates at each step. */
export function buildPath(
  leaf: Uint8Array,
  intermediates: readonly Uint8Array[],
  anchors: readonly Uint8Array[],
): BuiltPath {
  const anchorCerts = anchors.map(parseCertificate);
  const pool = intermediates.map(parseCertificate);
  const isAnchor = (c: ParsedCertificate) => anchorCerts.some((a) => Buffer.compare(a.der, c.der) === 0);
  const path = [parseCertificate(leaf)];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = path[path.length - 1] as ParsedCertificate;
    if (isAnchor(current)) return { path, anchored: true };
    const candidates = [...anchorCerts, ...pool].filter((c) => couldIssue(current, c) && !path.includes(c));
    if (candidates.length === 0) return { path, anchored: false };
    const issuer = candidates.find((c) => isSignedBy(current, c));
    if (!issuer) return { path, anchored: false, badSignatureAt: current };
    path.push(issuer);
    if (isAnchor(issuer)) return { path, anchored: true };
  }
  return { path, anchored: false };
}
