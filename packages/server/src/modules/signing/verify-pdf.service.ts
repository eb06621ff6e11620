import { isPadesError, validate } from '@signx/pades';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { sha256Hex } from './record-hash.js';
import { requestByDocumentHash } from './requests.repository.js';
import { signaturesOf } from './signatures.repository.js';
import type { SigningDeps } from './signing.deps.js';

/**
 * Public verification of an uploaded PDF: the engine's full PAdES check with the platform
 * root trusted (each signature and time-stamp, level, chain, embedded revocation data, what
 * changed after), plus, when the exact file is one SignX produced, the live status of its
 * signatures (revoked since?). Answers only facts about the uploaded bytes and signatures.
 */
export async function verifyUploadedPdf(db: DbOrTrx, deps: SigningDeps, pdf: Buffer) {
  const root = await deps.trust.rootCertificate();
  let report: Awaited<ReturnType<typeof validate>>;
  try {
    report = await validate(pdf, { trustAnchors: [root], revocation: 'embedded' });
  } catch (error) {
    if (isPadesError(error)) throw new AppError('VALIDATION', `Not a readable PDF: ${error.message}`);
    throw error;
  }
  const sha256 = sha256Hex(pdf);
  const request = await requestByDocumentHash(db, sha256);
  const records = request ? await signaturesOf(db, [request.id]) : [];
  return {
    sha256,
    is_valid: report.isValid,
    revisions: report.revisions,
    has_dss: report.hasDss,
    signatures: report.signatures.map((s) => ({
      field_name: s.fieldName,
      kind: s.kind,
      signer_subject: s.signerSubject ?? null,
      claimed_name: s.signerName ?? null,
      reason: s.reason ?? null,
      timestamp: s.timestamp?.genTime?.toISOString() ?? null,
      level: s.level,
      is_valid: s.isValid,
      chain_trusted: s.chain.isTrusted,
      revocation: s.revocation.status,
      covers_whole_file: s.coverage.coversWholeFile,
      problems: [...s.problems],
    })),
    platform_record: request
      ? {
          request_number: request.request_number,
          status: request.status,
          signatures: records.map((r) => ({
            signature_number: r.signature_number,
            signer_name: r.signer_name,
            status: r.status,
            revoked_at: r.revoked_at,
          })),
        }
      : null,
  };
}
