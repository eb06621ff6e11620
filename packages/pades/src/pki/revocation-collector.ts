import { PadesError } from '../errors.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';
import { buildOcspRequest } from './ocsp-request.js';
import { checkRevocation } from './revocation-checker.js';

/**
 * Gathers the validation data a B-LT signature embeds in the DSS: for every certificate of the
 * chain (but the root) an OCSP response or a CRL proving its status, plus the certificates
 * needed to check them. Fails with REVOCATION_UNAVAILABLE rather than producing a B-LT that
 * cannot be validated offline.
 */
export interface CollectRevocationOptions {
  /** For OCSP/CRL URLs found in the certificates; the server passes its SSRF-safe client. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The platform's own responder (request DER in, response DER out), tried before the network. */
  ocspResponder?: (
    requestDer: Uint8Array,
    cert: Uint8Array,
    issuer: Uint8Array,
  ) => Promise<Uint8Array | undefined>;
  /** The platform's own CRL for an issuer; used when OCSP gives no definite answer. */
  crlProvider?: (issuer: Uint8Array) => Promise<Uint8Array | undefined>;
  /** Extra certificates to find issuers in (e.g. the trust anchors when the chain omits the root). */
  issuers?: readonly Uint8Array[];
}

/** Validation data for a DSS (deduplicated DER). */
export interface RevocationData {
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
}

function addUnique(list: Uint8Array[], der: Uint8Array): void {
  if (!list.some((x) => Buffer.compare(x, der) === 0)) list.push(der);
}

async function localData(cert: ParsedCertificate, issuer: ParsedCertificate, o: CollectRevocationOptions) {
  const ocsp = o.ocspResponder
    ? await o.ocspResponder(buildOcspRequest(cert.der, issuer.der, { nonce: false }), cert.der, issuer.der)
    : undefined;
  const crl = o.crlProvider ? await o.crlProvider(issuer.der) : undefined;
  return { ocspResponses: ocsp ? [ocsp] : [], crls: crl ? [crl] : [] };
}

/** Collects revocation data for `chain` (signer first); REVOCATION_UNAVAILABLE when any is missing. */
export async function collectRevocationData(
  chain: readonly Uint8Array[],
  o: CollectRevocationOptions = {},
): Promise<RevocationData> {
  const { data, missing } = await collect(chain, o, true);
  if (missing[0]) throw new PadesError('REVOCATION_UNAVAILABLE', missing[0]);
  return data;
}

/**
 * Collects what can be collected for `chain` and lists what could not (one sentence per
 * certificate) instead of failing: used for signatures made by others, whose validation data
 * is added when obtainable and reported when not.
 */
export async function collectAvailableRevocationData(
  chain: readonly Uint8Array[],
  o: CollectRevocationOptions = {},
): Promise<{ data: RevocationData; missing: string[] }> {
  return collect(chain, o, false);
}

async function collect(
  chain: readonly Uint8Array[],
  o: CollectRevocationOptions,
  stopAtFirst: boolean,
): Promise<{ data: RevocationData; missing: string[] }> {
  const certs = chain.map(parseCertificate);
  const pool = [...certs, ...(o.issuers ?? []).map(parseCertificate)];
  const out: RevocationData = { certificates: [], ocspResponses: [], crls: [] };
  const missing: string[] = [];
  for (const c of certs) addUnique(out.certificates, c.der);
  for (const cert of certs) {
    if (cert.isSelfIssued || cert.hasOcspNoCheck) continue;
    const issuer = pool.find((p) => Buffer.compare(p.subjectDer, cert.issuerDer) === 0 && p !== cert);
    if (!issuer) {
      missing.push(`issuer of ${cert.subject} not available`);
      if (stopAtFirst) break;
      continue;
    }
    addUnique(out.certificates, issuer.der);
    const local = await localData(cert, issuer, o);
    const outcome = await checkRevocation(cert, issuer, {
      mode: o.fetch ? 'online' : 'embedded',
      ...local,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
    });
    if (outcome.report.status === 'unknown') {
      const how = o.fetch
        ? cert.ocspUrls.length || cert.crlUrls.length
          ? ' (its OCSP responder and CRL distribution points gave no usable answer)'
          : ' (the certificate names no OCSP responder or CRL distribution point)'
        : ' (no fetch was given to ask the responders the certificate names)';
      missing.push(`no OCSP response or CRL could be obtained for ${cert.subject}${how}`);
      if (stopAtFirst) break;
      continue;
    }
    if (outcome.ocspResponse) addUnique(out.ocspResponses, outcome.ocspResponse);
    if (outcome.crl) addUnique(out.crls, outcome.crl);
    for (const r of outcome.responderCertificates) addUnique(out.certificates, r);
  }
  return { data: out, missing };
}
