import { randomBytes } from 'node:crypto';
import { isPadesError, PadesError } from '../errors.js';
import { parseCertificate } from './certificate.parser.js';
import { parseCrl } from './crl.service.js';
import { describeError, fetchBytes } from './http-fetch.js';
import { buildOcspRequest } from './ocsp-request.js';
import { findSingleResponse, ocspSigner, parseOcspResponse } from './ocsp-response.parser.js';
import { pemBlocks } from './pem.codec.js';

/**
 * Clients for OCSP responders and CRL distribution points. fetch is injected: library code never
 * reaches the network on its own, and the server routes these calls through its SSRF guard.
 */
export interface FetchOptions {
  fetch: typeof fetch;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Overrides the URL from the certificate. */
  url?: string;
  /** Response size cap; default 1 MiB for OCSP, 20 MiB for CRLs. */
  maxBytes?: number;
}

/**
 * Asks the certificate's OCSP responder (AIA) and returns the DER response, after checking that
 * it is successful, signed by the issuer or its delegate, about this certificate, and echoes our nonce.
 */
export async function fetchOcsp(cert: Uint8Array, issuer: Uint8Array, o: FetchOptions): Promise<Uint8Array> {
  const c = parseCertificate(cert);
  const url = o.url ?? c.ocspUrls[0];
  if (!url) throw new PadesError('REVOCATION_UNAVAILABLE', `no OCSP URL in the certificate of ${c.subject}`);
  const nonce = randomBytes(16);
  try {
    const der = await fetchBytes({
      fetch: o.fetch,
      url,
      method: 'POST',
      body: buildOcspRequest(cert, issuer, { nonce }),
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      timeoutMs: o.timeoutMs ?? 10_000,
      maxBytes: o.maxBytes ?? 1 << 20,
    });
    const r = parseOcspResponse(der);
    if (r.status !== 0) throw new Error(`responder status ${r.status}`);
    const issuerCert = parseCertificate(issuer);
    if (!ocspSigner(r, issuerCert)) throw new Error('response not signed by the issuer or its delegate');
    if (!findSingleResponse(r, c, issuerCert)) throw new Error('response is about another certificate');
    if (r.nonce && Buffer.compare(r.nonce, nonce) !== 0) throw new Error('nonce mismatch');
    return der;
  } catch (err) {
    if (isPadesError(err, 'REVOCATION_UNAVAILABLE')) throw err;
    throw new PadesError('REVOCATION_UNAVAILABLE', `OCSP ${url}: ${describeError(err)}`, { cause: err });
  }
}

/** Downloads a CRL (DER or PEM) and returns it as DER after checking that it parses. */
export async function fetchCrl(url: string, o: FetchOptions): Promise<Uint8Array> {
  try {
    const bytes = await fetchBytes({
      fetch: o.fetch,
      url: o.url ?? url,
      method: 'GET',
      timeoutMs: o.timeoutMs ?? 10_000,
      maxBytes: o.maxBytes ?? 20 << 20,
    });
    const head = Buffer.from(bytes.subarray(0, 32)).toString('latin1');
    const der = head.includes('-----BEGIN') ? crlFromPem(bytes) : bytes;
    parseCrl(der);
    return der;
  } catch (err) {
    throw new PadesError('REVOCATION_UNAVAILABLE', `CRL ${url}: ${describeError(err)}`, { cause: err });
  }
}

function crlFromPem(bytes: Uint8Array): Uint8Array {
  const block = pemBlocks(Buffer.from(bytes).toString('latin1')).find((b) => b.label === 'X509 CRL');
  if (!block) throw new Error('no X509 CRL block');
  return block.der;
}
