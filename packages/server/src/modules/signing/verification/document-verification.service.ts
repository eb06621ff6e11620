import { createHash } from 'node:crypto';
import {
  isPadesError,
  normalizeSerial,
  parseCertificate,
  parseSignedData,
  type SignatureReport,
  validate,
} from '@signx/pades';
import { domainError } from '../../../platform/errors.js';
import { checkAgainstProfile, type ResolvedProfile, resolveProfile } from '../../profiles/index.js';
import { requestProfile } from '../request-profile.js';
import type { SigningDeps } from '../signing.deps.js';
import { verificationErrors } from './verification.errors.js';
import { type HashMatch, requestsWithHash, signaturesBySerial } from './verification.repository.js';

/** Largest PDF the public verification reads (the body limit of the route). */
export const VERIFY_MAX_PDF_BYTES = 25 * 1024 * 1024;

/** One signature (or document time-stamp) of an uploaded PDF, as the public verification shows it. */
export interface VerifiedSignature {
  field_name: string;
  kind: 'signature' | 'document-timestamp';
  /** Who signed: the signing certificate's subject (what the signature proves). */
  signer: { name: string | null; subject: string | null; certificate_serial: string | null };
  /** The /Name the signing software wrote: a claim, not proven by the certificate. */
  declared_name_claim: string | null;
  claimed_signing_time: string | null;
  reason: string | null;
  level: string;
  level_notes: string[];
  integrity: { digest_matches: boolean; signature_valid: boolean };
  chain: { trusted_to_platform_root: boolean; valid: boolean; path: string[]; problems: string[] };
  revocation: {
    /** revoked when the platform CA or the file's own data says so. */
    status: 'good' | 'revoked' | 'unknown' | 'not-checked';
    /** What the file's validation data (DSS) says, per certificate of the chain. */
    in_file: { status: string; detail: string[] };
    /** Live status from the platform CA for certificates it issued (null: issued elsewhere). */
    platform: { status: 'good' | 'revoked' | 'unknown'; revoked_at: string | null } | null;
  };
  timestamp: { time: string | null; tsa: string | null; valid: boolean; trusted: boolean } | null;
  coverage: { revision: number; covers_whole_file: boolean };
  changes_after: { kind: string; allowed: boolean; detail: string }[];
  /**
   * The signer certificate against the certificate policy of the resolved signing profile (the
   * matched request's profile, else the platform's); null for a document time-stamp. Reported
   * beside `valid`, which stays the cryptographic, chain and revocation verdict.
   */
  profile_policy: ProfilePolicyResult | null;
  /** The SignX signature this is, when the file is a SignX document version. */
  signature_number: string | null;
  valid: boolean;
  problems: string[];
}

export interface ProfilePolicyResult {
  ok: boolean;
  /** null: the built-in platform default applied. */
  profile_id: string | null;
  profile_version: number;
  scope_type: string;
  failures: { code: string; message: string }[];
}

export interface DocumentVerification {
  valid: boolean;
  sha256: string;
  size: number;
  revisions: number;
  has_validation_data: boolean;
  trust_anchor: { subject: string; sha256: string };
  signatures: VerifiedSignature[];
  /** The SignX request(s) whose document versions have this SHA-256 (nothing else about them). */
  signx: { matched: boolean; request_numbers: string[] };
  verified_at: string;
}

/** A PDF may start with up to 1024 bytes of junk before %PDF- (ISO 32000-1, 7.5.2 note). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** The signing certificate (DER) of a signature and its signing hash: the CMS sits between the two byte ranges. */
function signingCertificate(pdf: Uint8Array, report: SignatureReport) {
  const [a = 0, b = 0, c = 0] = report.coverage.byteRange;
  if (report.kind !== 'signature' || c <= a + b || c > pdf.length) return undefined;
  try {
    const hex = Buffer.from(pdf.subarray(a + b, c))
      .toString('latin1')
      .replace(/[<>\s]/g, '');
    const cms = parseSignedData(Buffer.from(hex, 'hex'));
    const der = cms.signerCertificate;
    return der ? { der, parsed: parseCertificate(der), hash: cms.signerInfo.hash } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The profile a file's signatures are checked against: the profile of the SignX request the file
 * belongs to (template → requester's department → platform), else (no match, or several
 * requests) the platform's profile or the built-in default.
 */
async function profileFor(deps: SigningDeps, matches: readonly HashMatch[]): Promise<ResolvedProfile> {
  const [only] = matches;
  if (matches.length === 1 && only) return requestProfile(deps.db, only);
  return resolveProfile(deps.db, {});
}

function policyResult(
  profile: ResolvedProfile,
  cert: ReturnType<typeof signingCertificate>,
): ProfilePolicyResult {
  const head = {
    profile_id: profile.profile_id,
    profile_version: profile.version,
    scope_type: profile.scope_type,
  };
  if (!cert) {
    const failures = [
      { code: 'CERTIFICATE_MISSING', message: 'the signer certificate is not in the signature' },
    ];
    return { ok: false, ...head, failures };
  }
  const result = checkAgainstProfile(profile.settings, cert.der, cert.hash);
  return {
    ok: result.ok,
    ...head,
    failures: result.problems.map((p) => ({ code: p.code, message: p.message })),
  };
}

/**
 * Validates an uploaded PDF with the engine, the platform root as the only trust anchor, and
 * adds what the platform knows: the live revocation status of certificates its CA issued (a
 * signature revoked after sealing shows revoked though the file's DSS said good at the time)
 * and the SignX signature numbers when the file is a version SignX produced. Returns only
 * facts about the file the caller sent.
 */
export async function verifyDocument(deps: SigningDeps, pdf: Uint8Array): Promise<DocumentVerification> {
  if (!looksLikePdf(pdf))
    throw domainError(verificationErrors.NOT_A_PDF, 'Send a PDF file (application/pdf)');
  const material = await deps.trust.material();
  const root = material.root.certificate;
  const issuing = parseCertificate(material.issuing.certificate);
  const report = await validate(pdf, { trustAnchors: [root], revocation: 'embedded' }).catch((err) => {
    if (isPadesError(err))
      throw domainError(verificationErrors.PDF_UNREADABLE, `The PDF cannot be read: ${err.message}`);
    throw err;
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const matches = await requestsWithHash(deps.db, sha256);
  const certs = report.signatures.map((s) => signingCertificate(pdf, s));
  const serials = certs.flatMap((c) => (c ? [normalizeSerial(c.parsed.serial)] : []));
  const profile = await profileFor(deps, matches);
  const known = await signaturesBySerial(
    deps.db,
    matches.map((m) => m.request_id),
    serials,
  );
  const signatures: VerifiedSignature[] = [];
  for (const [i, s] of report.signatures.entries()) {
    const cert = certs[i];
    const serial = cert ? normalizeSerial(cert.parsed.serial) : null;
    const ours = !!cert && s.chain.isTrusted && cert.parsed.issuer === issuing.subject;
    const live = ours && serial ? await deps.trust.statusOf(serial) : undefined;
    const isRevoked = live?.status === 'revoked' || s.revocation.status === 'revoked';
    const status = isRevoked
      ? 'revoked'
      : live && live.status !== 'unknown'
        ? live.status
        : s.revocation.status;
    signatures.push({
      field_name: s.fieldName,
      kind: s.kind,
      signer: { name: s.signerName ?? null, subject: s.signerSubject ?? null, certificate_serial: serial },
      declared_name_claim: s.declaredName ?? null,
      claimed_signing_time: s.claimedTime?.toISOString() ?? null,
      reason: s.reason ?? null,
      level: s.level,
      level_notes: s.levelNotes ?? [],
      integrity: { digest_matches: s.digestMatches, signature_valid: s.signatureValid },
      chain: {
        trusted_to_platform_root: s.chain.isTrusted,
        valid: s.chain.isValid,
        path: s.chain.path,
        problems: s.chain.problems,
      },
      revocation: {
        status,
        in_file: { status: s.revocation.status, detail: s.revocation.detail },
        platform: live
          ? {
              status: live.status,
              revoked_at: live.status === 'revoked' ? live.revokedAt.toISOString() : null,
            }
          : null,
      },
      timestamp: s.timestamp
        ? {
            time: s.timestamp.genTime?.toISOString() ?? null,
            tsa: s.timestamp.tsaSubject ?? null,
            valid: s.timestamp.isValid,
            trusted: s.timestamp.isTsaTrusted,
          }
        : null,
      coverage: { revision: s.coverage.revision, covers_whole_file: s.coverage.coversWholeFile },
      changes_after: s.changes.map((c) => ({ kind: c.kind, allowed: c.allowed, detail: c.detail })),
      profile_policy: s.kind === 'signature' ? policyResult(profile, cert) : null,
      signature_number: known.find((k) => k.certificate_serial === serial)?.signature_number ?? null,
      valid: s.isValid && !isRevoked,
      problems: [
        ...s.problems,
        ...(live?.status === 'revoked' ? ['the platform CA revoked this certificate'] : []),
      ],
    });
  }
  return {
    valid: signatures.length > 0 && signatures.every((s) => s.valid),
    sha256,
    size: pdf.length,
    revisions: report.revisions,
    has_validation_data: report.hasDss,
    trust_anchor: {
      subject: parseCertificate(root).subject,
      sha256: createHash('sha256').update(root).digest('hex'),
    },
    signatures,
    signx: { matched: matches.length > 0, request_numbers: matches.map((m) => m.request_number) },
    verified_at: deps.clock.now().toISOString(),
  };
}
