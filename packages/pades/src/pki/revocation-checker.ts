import { isPadesError } from '../errors.js';
import type { ParsedCertificate } from './certificate.parser.js';
import { isCrlSignedBy, type ParsedCrl, parseCrl } from './crl.service.js';
import {
  findSingleResponse,
  ocspSigner,
  type ParsedOcspResponse,
  parseOcspResponse,
} from './ocsp-response.parser.js';
import type { RevocationMode, RevocationReport } from './pki.types.js';
import { fetchCrl, fetchOcsp } from './revocation-fetch.js';

/**
 * Revocation status of one certificate from OCSP responses and CRLs: first the data we were
 * given (a DSS), then, in 'online' mode, the responder and distribution points named in the
 * certificate. Every answer is checked to be signed by the issuer (or its OCSP delegate).
 */
export interface RevocationSources {
  mode: RevocationMode;
  ocspResponses: readonly Uint8Array[];
  crls: readonly Uint8Array[];
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** What the check used, so B-LT can embed exactly that. */
export interface RevocationOutcome {
  report: RevocationReport;
  ocspResponse?: Uint8Array;
  crl?: Uint8Array;
  responderCertificates: Uint8Array[];
}

const safe = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (err) {
    if (isPadesError(err)) return undefined;
    throw err;
  }
};

function fromOcsp(der: Uint8Array, cert: ParsedCertificate, issuer: ParsedCertificate, online: boolean) {
  const r: ParsedOcspResponse | undefined = safe(() => parseOcspResponse(der));
  if (r?.status !== 0) return undefined;
  const single = findSingleResponse(r, cert, issuer);
  if (!single || single.status.status === 'unknown') return undefined;
  const signer = ocspSigner(r, issuer);
  if (!signer) return undefined;
  const s = single.status;
  const report: RevocationReport =
    s.status === 'revoked'
      ? {
          status: 'revoked',
          source: 'ocsp',
          online,
          revokedAt: s.revokedAt,
          reason: s.reason,
          producedAt: r.producedAt,
        }
      : { status: 'good', source: 'ocsp', online, producedAt: r.producedAt };
  const responderCertificates = signer === issuer ? [] : [signer.der];
  return { report, ocspResponse: der, responderCertificates };
}

function fromCrl(der: Uint8Array, cert: ParsedCertificate, issuer: ParsedCertificate, online: boolean) {
  const crl: ParsedCrl | undefined = safe(() => parseCrl(der));
  if (!crl || !isCrlSignedBy(crl, issuer)) return undefined;
  const entry = crl.entries.find((e) => e.serial === cert.serial);
  const report: RevocationReport = entry
    ? {
        status: 'revoked',
        source: 'crl',
        online,
        revokedAt: entry.revokedAt,
        reason: entry.reason,
        producedAt: crl.thisUpdate,
      }
    : { status: 'good', source: 'crl', online, producedAt: crl.thisUpdate };
  return { report, crl: der, responderCertificates: [] };
}

async function online(cert: ParsedCertificate, issuer: ParsedCertificate, s: RevocationSources) {
  if (!s.fetch) return undefined;
  const opts = { fetch: s.fetch, timeoutMs: s.timeoutMs };
  if (cert.ocspUrls.length) {
    const der = await fetchOcsp(cert.der, issuer.der, opts).catch(() => undefined);
    const got = der && fromOcsp(der, cert, issuer, true);
    if (got) return got;
  }
  for (const url of cert.crlUrls) {
    const der = await fetchCrl(url, opts).catch(() => undefined);
    const got = der && fromCrl(der, cert, issuer, true);
    if (got) return got;
  }
  return undefined;
}

/** Determines the status of `cert`; 'unknown' when no trustworthy source answered. */
export async function checkRevocation(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  s: RevocationSources,
): Promise<RevocationOutcome> {
  if (s.mode === 'off')
    return { report: { status: 'not-checked', source: 'none', online: false }, responderCertificates: [] };
  for (const der of s.ocspResponses) {
    const got = fromOcsp(der, cert, issuer, false);
    if (got) return got;
  }
  for (const der of s.crls) {
    const got = fromCrl(der, cert, issuer, false);
    if (got) return got;
  }
  const fetched = s.mode === 'online' ? await online(cert, issuer, s) : undefined;
  return (
    fetched ?? { report: { status: 'unknown', source: 'none', online: false }, responderCertificates: [] }
  );
}
