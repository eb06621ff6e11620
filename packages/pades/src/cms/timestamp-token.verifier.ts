import { createHash } from 'node:crypto';
import { isPadesError } from '../errors.js';
import { type ParsedCertificate, parseCertificate } from '../pki/certificate.parser.js';
import { nodeHash } from './algorithms.js';
import type { CmsProblem, TimestampVerification } from './cms.types.js';
import { OID } from './oids.js';
import { parseSignedData } from './signed-data.parser.js';
import { checkSignerInfo, sameBytes } from './signer-info.verifier.js';
import { parseTstInfo, type TstInfo } from './tst-info.parser.js';

/**
 * Verifies an RFC 3161 time-stamp token: the imprint, the TSA's signature, its
 * signing-certificate binding and the TSA certificate's time-stamping EKU. The TSA chain is
 * checked by the caller with verifyChain (tsaCertificate and certificates are returned for that).
 */

/** What a token is checked against: the imprint itself, or the data (chunks) to hash with the token's hash. */
export type ImprintInput = Uint8Array | { data: Uint8Array | readonly Uint8Array[] };

function failed(problem: CmsProblem): TimestampVerification {
  return {
    isValid: false,
    imprintMatches: false,
    signatureValid: false,
    certificates: [],
    hasTimeStampingEku: false,
    problems: [problem],
  };
}

function expectedImprint(expected: ImprintInput, hashName: string): Uint8Array {
  if (expected instanceof Uint8Array) return expected;
  const h = createHash(hashName);
  for (const chunk of expected.data instanceof Uint8Array ? [expected.data] : expected.data) h.update(chunk);
  return h.digest();
}

type Decoded = { parsed: ReturnType<typeof parseSignedData>; tst: TstInfo; content: Uint8Array };

function decode(der: Uint8Array): Decoded | CmsProblem {
  try {
    const parsed = parseSignedData(der);
    if (parsed.eContentType !== OID.tstInfo || !parsed.content) {
      return { code: 'TIMESTAMP_INVALID', message: 'not a time-stamp token (no TSTInfo)' };
    }
    return { parsed, tst: parseTstInfo(parsed.content), content: parsed.content };
  } catch (err) {
    if (!isPadesError(err)) throw err;
    return { code: 'TIMESTAMP_INVALID', message: err.message };
  }
}

function tsaProblems(tsaCert: ParsedCertificate | undefined, tst: TstInfo): CmsProblem[] {
  if (!tsaCert) return [];
  const out: CmsProblem[] = [];
  if (!tsaCert.extendedKeyUsage?.includes(OID.ekuTimeStamping)) {
    out.push({ code: 'TSA_EKU', message: 'the TSA certificate lacks the time-stamping EKU' });
  }
  if (tst.genTime < tsaCert.notBefore || tst.genTime > tsaCert.notAfter) {
    out.push({ code: 'TIMESTAMP_INVALID', message: 'genTime is outside the TSA certificate validity' });
  }
  return out;
}

/** Verifies a DER TimeStampToken (ContentInfo) against the expected imprint or data. */
export async function verifyTimestampToken(
  der: Uint8Array,
  expected: ImprintInput,
): Promise<TimestampVerification> {
  const decoded = decode(der);
  if ('code' in decoded) return failed(decoded);
  const { parsed, tst, content } = decoded;
  const si = parsed.signerInfo;
  if (!tst.hash || !si.hash)
    return failed({ code: 'UNSUPPORTED', message: `unsupported time-stamp hash ${tst.hashOid}` });
  const problems: CmsProblem[] = [];
  const imprintMatches = sameBytes(tst.hashedMessage, expectedImprint(expected, nodeHash(tst.hash)));
  if (!imprintMatches)
    problems.push({ code: 'IMPRINT_MISMATCH', message: 'the time-stamp is over other data' });
  const contentDigest = createHash(nodeHash(si.hash)).update(content).digest();
  const check = checkSignerInfo(si, parsed.signerCertificate, contentDigest, OID.tstInfo);
  const tsaCert = parsed.signerCertificate ? parseCertificate(parsed.signerCertificate) : undefined;
  problems.push(...check.problems, ...tsaProblems(tsaCert, tst));
  return {
    isValid: problems.length === 0,
    genTime: tst.genTime,
    hash: tst.hash,
    imprintMatches,
    signatureValid: check.signatureValid && check.digestMatches,
    policy: tst.policy,
    serial: tst.serial,
    nonce: tst.nonce,
    accuracyMs: tst.accuracyMs,
    tsaCertificate: parsed.signerCertificate,
    certificates: parsed.certificates,
    hasTimeStampingEku: !!tsaCert?.extendedKeyUsage?.includes(OID.ekuTimeStamping),
    problems,
  };
}
