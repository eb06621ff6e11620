import { isPadesError, validate } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { documents, type StagedContent } from '../documents/index.js';
import { meaningLabel } from './meaning-labels.js';
import { type PadesLevel, reaches } from './pades-level.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import type { SignatureManifest } from './signature-value.js';
import { signingTools } from './signing-tools.js';

/**
 * §11.50 inside the signed bytes: when a records signature targets a PDF document version,
 * the signer's PAdES signature (a certificate from the platform CA in the signer's name, at the
 * policy's PAdES level, B-T by default, with the platform TSA and, for B-LT and B-LTA, the
 * platform's revocation data; through the signing module's one PDF signer) carries a visible
 * appearance with the printed name, the time with its zone and the meaning (caption + code).
 * Made after the ceremony succeeded and before the recording transaction (slow, no locks);
 * filed as a new document version inside it.
 */
export interface PreparedManifestation {
  documentId: string;
  staged: StagedContent;
  fieldName: string;
  timeZone: string;
  /** The PAdES level it was made at (the policy's). */
  level: PadesLevel;
}

export const padesFieldName = (signatureId: string) => `SignX_Record_${signatureId}`;

export async function prepareManifestation(
  deps: RecordsDeps,
  manifest: SignatureManifest,
  options: { timeZone: string | null; language: string; level: PadesLevel },
): Promise<PreparedManifestation | null> {
  if (manifest.resource_type !== 'document') return null;
  const current = await documents.current(deps.db, manifest.resource_id);
  if (current.mediaType !== 'application/pdf' || current.sha256 !== manifest.record_sha256) return null;
  const bytes = await documents.read(deps.ctx, current.sha256);
  const existing = await validate(bytes, { trustAnchors: [], revocation: 'off' }).catch(() => ({
    signatures: [],
  }));
  const issued = await deps.ctx.trust.issueSigner({ name: manifest.signer_name });
  const timeZone = options.timeZone ?? 'UTC';
  const fieldName = padesFieldName(manifest.signature_id);
  const { level } = options;
  const longTerm = level === 'B-LT' || level === 'B-LTA';
  const signed = await (await signingTools())
    .signPdfForSigner(bytes, {
      signer: issued.signer,
      timestamper: await deps.ctx.trust.timestamper(),
      mark: { typedName: manifest.signer_name },
      printedName: manifest.signer_name,
      reason: manifest.reason ?? '',
      signedAt: new Date(manifest.timestamp),
      index: existing.signatures.length,
      language: options.language,
      meaning: manifest.signature_mean,
      meaningLabel: meaningLabel(manifest.signature_mean, options.language),
      timeZone,
      fieldName,
      level,
      ...(longTerm ? { revocation: await deps.ctx.trust.revocationSources() } : {}),
    })
    .catch((err: unknown) => {
      if (!isPadesError(err)) throw err;
      if (err.code === 'REVOCATION_UNAVAILABLE' || err.code === 'TSA_UNAVAILABLE')
        throw levelRefusal(level, err.code);
      throw domainError(
        recordsErrors.PDF_NOT_SIGNABLE,
        `The PDF cannot carry the signature manifestation (${err.code}); nothing was signed`,
      );
    });
  // The policy's level is enforced on what was made: the signature in its field must reach it.
  const made = await validate(signed, {
    trustAnchors: [await deps.ctx.trust.rootCertificate()],
    revocation: 'embedded',
  }).catch(() => ({ signatures: [] }));
  const reached = made.signatures.find((s) => s.fieldName === fieldName)?.level ?? 'none';
  if (!reaches(reached, level)) throw levelRefusal(level, `reached ${reached}`);
  const staged = await documents.stage(deps.ctx, signed, signedFileName(current.fileName));
  return { documentId: manifest.resource_id, staged, fieldName, timeZone, level };
}

const levelRefusal = (level: PadesLevel, why: string) =>
  domainError(
    recordsErrors.PADES_LEVEL_UNREACHED,
    `The signed PDF cannot reach PAdES ${level}, as the signature policy requires (${why}); nothing was signed`,
  );

const signedFileName = (name: string) => `${name.replace(/\.pdf$/i, '')}-signed.pdf`;

/**
 * Files the signed PDF as the document's next version, in the signature's transaction, once
 * the document is still at the version that was signed (else another change came first).
 */
export async function fileManifestation(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: { prepared: PreparedManifestation; manifest: SignatureManifest },
): Promise<{ version: number; sha256: string }> {
  const { prepared, manifest } = input;
  const current = await documents.current(trx, prepared.documentId);
  if (current.sha256 !== manifest.record_sha256)
    throw domainError(recordsErrors.RECORD_CHANGED, 'The document changed while it was signed; sign again');
  const filed = await documents.addVersion(trx, deps.ctx, actor, {
    documentId: prepared.documentId,
    content: prepared.staged,
    note: `Part 11 signature ${manifest.signature_id}: ${manifest.signer_name}, ${manifest.signature_mean}`,
  });
  return { version: filed.version.version, sha256: prepared.staged.sha256 };
}
