import { PadesError } from '../errors.js';
import type { HashName } from '../pki/signer.js';
import type { CmsProblem, CmsVerification, TimestampVerification } from './cms.types.js';
import { OID } from './oids.js';
import { parseSignedData } from './signed-data.parser.js';
import { checkSignerInfo } from './signer-info.verifier.js';
import { verifyTimestampToken } from './timestamp-token.verifier.js';

/**
 * Verifies a PAdES CMS: the cryptography and the bindings, and lists PAdES baseline
 * non-conformities separately (they lower the level reached, they do not forge anything).
 * Chain and revocation are the caller's job (verifyChain), as they depend on the validation time.
 */

/** The hash the CMS declares for the document digest, so the PDF layer hashes its ranges with it. */
export function signedDataHash(der: Uint8Array): HashName {
  const si = parseSignedData(der).signerInfo;
  if (!si.hash) throw new PadesError('UNSUPPORTED', `unsupported digest algorithm ${si.digestAlgorithmOid}`);
  return si.hash;
}

function nonConformities(
  parsed: ReturnType<typeof parseSignedData>,
  ess: 'v2' | 'v1' | 'none',
): CmsProblem[] {
  const out: CmsProblem[] = [];
  if (parsed.signerInfo.signingTime) {
    out.push({
      code: 'SIGNING_TIME_PRESENT',
      message: 'a CMS signing-time attribute is present (PAdES puts the time in /M)',
    });
  }
  if (parsed.hasEmbeddedContent) out.push({ code: 'EMBEDDED_CONTENT', message: 'the CMS is not detached' });
  if (ess !== 'v2') {
    out.push({
      code: 'SIGNING_CERTIFICATE_MISSING',
      message: `signing-certificate-v2 attribute absent (${ess})`,
    });
  }
  return out;
}

type Parsed = ReturnType<typeof parseSignedData>;

function baseFields(parsed: Parsed) {
  const si = parsed.signerInfo;
  return {
    certificates: parsed.certificates,
    signerCertificate: parsed.signerCertificate,
    signedAttributeOids: parsed.signedAttributeOids,
    hasSigningTime: si.signingTime !== undefined,
    signingTime: si.signingTime,
    hasEmbeddedContent: parsed.hasEmbeddedContent,
  };
}

function unsupported(parsed: Parsed): CmsVerification {
  const si = parsed.signerInfo;
  const message = si.hash ? 'CMS without signed attributes' : `unsupported digest ${si.digestAlgorithmOid}`;
  return {
    ...baseFields(parsed),
    isValid: false,
    hash: si.hash,
    digestMatches: false,
    signatureValid: false,
    signingCertificate: 'none',
    signingCertificateBound: false,
    timestamps: [],
    problems: [{ code: 'UNSUPPORTED', message }],
    nonConformities: [],
  };
}

/**
 * `contentDigest` is the digest of the signed byte ranges, or a function computing it for the
 * hash the CMS declares. Signature time-stamps are verified against the signature value.
 */
export async function verifySignedData(
  der: Uint8Array,
  contentDigest: Uint8Array | ((hash: HashName) => Uint8Array),
): Promise<CmsVerification> {
  const parsed = parseSignedData(der);
  const si = parsed.signerInfo;
  if (!si.hash || !si.signedAttrsDer) return unsupported(parsed);
  const digest = typeof contentDigest === 'function' ? contentDigest(si.hash) : contentDigest;
  const check = checkSignerInfo(si, parsed.signerCertificate, digest, OID.data);
  const timestamps: TimestampVerification[] = [];
  for (const token of si.timestampTokens)
    timestamps.push(await verifyTimestampToken(token, { data: si.signature }));
  const problems: CmsProblem[] = [...check.problems];
  if (timestamps.some((t) => !t.isValid)) {
    problems.push({ code: 'TIMESTAMP_INVALID', message: 'a signature time-stamp does not verify' });
  }
  const { digestMatches, signatureValid, signingCertificate, signingCertificateBound } = check;
  return {
    ...baseFields(parsed),
    isValid: problems.length === 0,
    hash: si.hash,
    ...{ digestMatches, signatureValid, signingCertificate, signingCertificateBound },
    timestamps,
    problems,
    nonConformities: nonConformities(parsed, signingCertificate),
  };
}
