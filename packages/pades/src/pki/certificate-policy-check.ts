import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';
import { hasKeyUsage, KEY_USAGE } from './certificate-extensions.parser.js';
import type { HashName } from './signer.js';

/**
 * The certificate requirements a signing profile states (key usage, extended key usage, policy
 * OIDs, minimum key strength, hash algorithm), checked against one certificate before signing and
 * again during validation. The defaults are seed 002's floor: RSA ≥ 2048, P-256 or stronger,
 * SHA-256 or stronger.
 */
export type KeyUsageName = keyof typeof KEY_USAGE;
export type CurveName = 'P-256' | 'P-384' | 'P-521';

export interface CertificatePolicy {
  /** Every listed key usage bit must be set (when the certificate has a keyUsage extension). */
  readonly keyUsage?: readonly KeyUsageName[];
  /** At least one of these key usages must be set (e.g. digitalSignature or nonRepudiation). */
  readonly keyUsageAnyOf?: readonly KeyUsageName[];
  /** Every listed EKU must be present (anyExtendedKeyUsage satisfies all). */
  readonly extendedKeyUsage?: readonly string[];
  /** Every listed policy OID must be asserted in certificatePolicies. */
  readonly policyOids?: readonly string[];
  readonly minRsaBits?: number;
  readonly allowedCurves?: readonly CurveName[];
  readonly allowedHashes?: readonly HashName[];
}

export type PolicyCheckCode =
  | 'KEY_USAGE'
  | 'EXTENDED_KEY_USAGE'
  | 'POLICY_OID'
  | 'KEY_STRENGTH'
  | 'HASH_ALGORITHM';

export interface PolicyCheckResult {
  readonly ok: boolean;
  readonly problems: readonly { code: PolicyCheckCode; message: string }[];
}

export const DEFAULT_CERTIFICATE_POLICY: CertificatePolicy = {
  keyUsageAnyOf: ['digitalSignature', 'nonRepudiation'],
  minRsaBits: 2048,
  allowedCurves: ['P-256', 'P-384', 'P-521'],
  allowedHashes: ['SHA-256', 'SHA-384', 'SHA-512'],
};

const ANY_EKU = '2.5.29.37.0';
const CURVES: Record<string, CurveName> = {
  prime256v1: 'P-256',
  'P-256': 'P-256',
  secp384r1: 'P-384',
  'P-384': 'P-384',
  secp521r1: 'P-521',
  'P-521': 'P-521',
};

function keyStrength(c: ParsedCertificate, p: CertificatePolicy): string | undefined {
  const type = c.publicKey.asymmetricKeyType;
  const details = c.publicKey.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    if (p.minRsaBits && bits < p.minRsaBits) return `RSA key of ${bits} bits is below ${p.minRsaBits}`;
    return undefined;
  }
  if (type === 'ec') {
    const curve = CURVES[details.namedCurve ?? ''];
    if (p.allowedCurves && (!curve || !p.allowedCurves.includes(curve))) {
      return `EC curve ${details.namedCurve ?? 'unknown'} is not one of ${p.allowedCurves.join(', ')}`;
    }
    return undefined;
  }
  return `key type ${type ?? 'unknown'} is not allowed`;
}

/**
 * Checks `certificate` (DER or parsed) against `policy`; `signingHash` is the digest the signature
 * will use (checked with the certificate's own signature hash against allowedHashes).
 */
export function checkCertificatePolicy(
  certificate: Uint8Array | ParsedCertificate,
  policy: CertificatePolicy = DEFAULT_CERTIFICATE_POLICY,
  signingHash?: HashName,
): PolicyCheckResult {
  const c = certificate instanceof Uint8Array ? parseCertificate(certificate) : certificate;
  const problems: { code: PolicyCheckCode; message: string }[] = [];
  const add = (code: PolicyCheckCode, message: string) => problems.push({ code, message });
  const ku = c.keyUsage;
  if (ku !== undefined) {
    const missing = (policy.keyUsage ?? []).filter((k) => !hasKeyUsage(ku, KEY_USAGE[k]));
    if (missing.length) add('KEY_USAGE', `key usage lacks ${missing.join(', ')}`);
    const anyOf = policy.keyUsageAnyOf ?? [];
    if (anyOf.length && !anyOf.some((k) => hasKeyUsage(ku, KEY_USAGE[k]))) {
      add('KEY_USAGE', `key usage allows none of ${anyOf.join(', ')}`);
    }
  } else if ((policy.keyUsage ?? []).length) {
    add('KEY_USAGE', 'certificate has no key usage extension');
  }
  const eku = c.extendedKeyUsage ?? [];
  const missingEku = (policy.extendedKeyUsage ?? []).filter(
    (e) => !eku.includes(e) && !eku.includes(ANY_EKU),
  );
  if (missingEku.length) add('EXTENDED_KEY_USAGE', `extended key usage lacks ${missingEku.join(', ')}`);
  const asserted = c.policies ?? [];
  const missingPolicy = (policy.policyOids ?? []).filter((o) => !asserted.includes(o));
  if (missingPolicy.length) add('POLICY_OID', `certificate policies lack ${missingPolicy.join(', ')}`);
  const weak = keyStrength(c, policy);
  if (weak) add('KEY_STRENGTH', weak);
  const allowed = policy.allowedHashes;
  if (allowed) {
    const certHash = c.signatureAlgorithm.hash;
    if (certHash && !allowed.includes(certHash)) {
      add('HASH_ALGORITHM', `certificate is signed with ${certHash}, not one of ${allowed.join(', ')}`);
    }
    if (signingHash && !allowed.includes(signingHash)) {
      add('HASH_ALGORITHM', `signing hash ${signingHash} is not one of ${allowed.join(', ')}`);
    }
  }
  return { ok: problems.length === 0, problems };
}
