import { timingSafeEqual } from 'node:crypto';
import { parseCertificate } from '../pki/certificate.parser.js';
import type { HashName } from '../pki/signer.js';
import { nodeHash, verifySignatureValue } from './algorithms.js';
import type { CmsProblem, ParsedSignerInfo } from './cms.types.js';

/**
 * The checks shared by PAdES signatures and time-stamp tokens: message-digest, the signature
 * over the signed attributes, and the signing-certificate(-v2) binding to the certificate used.
 */
export interface SignerInfoCheck {
  readonly digestMatches: boolean;
  readonly signatureValid: boolean;
  readonly signingCertificate: 'v2' | 'v1' | 'none';
  readonly signingCertificateBound: boolean;
  readonly problems: CmsProblem[];
}

/** Constant-time equality for digests of possibly different lengths. */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && a.length === b.length && timingSafeEqual(a, b);
}

function essBinding(
  si: ParsedSignerInfo,
  certDer: Uint8Array,
): Pick<SignerInfoCheck, 'signingCertificate' | 'signingCertificateBound'> {
  const ids = si.signingCertificateV2 ?? si.signingCertificateV1;
  if (!ids) return { signingCertificate: 'none', signingCertificateBound: false };
  const cert = parseCertificate(certDer);
  const first = ids[0];
  let bound = false;
  if (first && first.hash !== 'SHA-1' && (first.hash as string) !== 'unknown') {
    bound = sameBytes(first.certHash, cert.digest(nodeHash(first.hash)));
  } else if (first?.hash === 'SHA-1') bound = sameBytes(first.certHash, cert.digest('sha1'));
  if (bound && first?.issuerSerial) {
    bound =
      first.issuerSerial.serial === cert.serial &&
      Buffer.compare(first.issuerSerial.issuerDer, cert.issuerDer) === 0;
  }
  return { signingCertificate: si.signingCertificateV2 ? 'v2' : 'v1', signingCertificateBound: bound };
}

function attributeProblems(si: ParsedSignerInfo, digest: Uint8Array, contentType: string): CmsProblem[] {
  const out: CmsProblem[] = [];
  if (!sameBytes(si.messageDigest, digest)) {
    out.push({ code: 'DIGEST_MISMATCH', message: 'the message-digest does not match the signed data' });
  }
  if (si.contentType !== contentType) {
    out.push({ code: 'CONTENT_TYPE', message: `content-type attribute is ${si.contentType ?? 'absent'}` });
  }
  return out;
}

const NO_CERT: CmsProblem = {
  code: 'SIGNER_CERTIFICATE_MISSING',
  message: 'the signer certificate is not in the CMS',
};
const BAD_SIG: CmsProblem = { code: 'BAD_SIGNATURE', message: 'the signature value does not verify' };
const ESS_MISMATCH: CmsProblem = {
  code: 'SIGNING_CERTIFICATE_MISMATCH',
  message: 'signing-certificate attribute names another certificate',
};

/** Verifies one SignerInfo against the expected content digest and content type. */
export function checkSignerInfo(
  si: ParsedSignerInfo,
  signerCert: Uint8Array | undefined,
  digest: Uint8Array,
  expectedContentType: string,
): SignerInfoCheck {
  const problems = attributeProblems(si, digest, expectedContentType);
  const digestMatches = !problems.some((p) => p.code === 'DIGEST_MISMATCH');
  if (!signerCert) {
    problems.push(NO_CERT);
    return {
      digestMatches,
      signatureValid: false,
      signingCertificate: 'none',
      signingCertificateBound: false,
      problems,
    };
  }
  const key = parseCertificate(signerCert).publicKey;
  const alg = si.signatureAlgorithm;
  const hash = alg.hash ?? (si.hash as HashName);
  const signatureValid =
    !!si.signedAttrsDer && verifySignatureValue(alg, hash, key, si.signedAttrsDer, si.signature);
  if (!signatureValid) problems.push(BAD_SIG);
  const ess = essBinding(si, signerCert);
  if (ess.signingCertificate !== 'none' && !ess.signingCertificateBound) problems.push(ESS_MISMATCH);
  return { digestMatches, signatureValid, ...ess, problems };
}
