import { createHash } from 'node:crypto';
import { validate } from '@signx/pades';
import { documents } from '../documents/index.js';
import { type PadesLevel, reaches, requiredLevel } from './pades-level.js';
import type { RecordsDeps } from './records.deps.js';
import type { SignatureRow } from './signatures.repository.js';

/** One check of the PAdES manifestation, reported as such by verification. */
export interface PadesCheck {
  check:
    | 'pdf_integrity'
    | 'pades_signature'
    | 'manifestation_name'
    | 'manifestation_time'
    | 'manifestation_meaning'
    | 'pades_level';
  ok: boolean;
  detail: string;
}

export interface ExpectedManifestation {
  sha256: string;
  fieldName: string;
  signerName: string;
  timestamp: string;
  meaning: string;
  /** The PAdES level the PDF was made at (its policy's); absent for signatures made before levels. */
  level?: PadesLevel | undefined;
}

/**
 * Re-checks the PAdES signature of the document version a records signature produced: the
 * stored bytes still hash to what was recorded, the signature in its field validates against
 * the platform root (digest, CMS, chain, time-stamp, no disallowed later change), and what the
 * signed revision states — /Name, /M and the meaning in /Reason, the inputs its visible
 * appearance was drawn from — matches the record row (a meaning edited in the database no
 * longer does: the PDF keeps showing the original).
 */
export async function checkPadesManifestation(deps: RecordsDeps, row: SignatureRow): Promise<PadesCheck[]> {
  if (!row.pades_sha256 || !row.pades_field_name) return [];
  let bytes: Buffer;
  try {
    bytes = await documents.readStored(deps.ctx, row.pades_sha256);
  } catch {
    return [
      {
        check: 'pdf_integrity',
        ok: false,
        detail: 'the signed PDF version cannot be read or no longer matches its SHA-256',
      },
    ];
  }
  return manifestationChecks(bytes, await deps.ctx.trust.rootCertificate(), {
    sha256: row.pades_sha256,
    fieldName: row.pades_field_name,
    signerName: row.signer_name,
    timestamp: row.timestamp,
    meaning: row.signature_mean,
    ...(row.pades_level ? { level: requiredLevel(row.pades_level) } : {}),
  });
}

export async function manifestationChecks(
  bytes: Uint8Array,
  root: Uint8Array,
  expected: ExpectedManifestation,
): Promise<PadesCheck[]> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const checks: PadesCheck[] = [
    {
      check: 'pdf_integrity',
      ok: sha256 === expected.sha256,
      detail: sha256 === expected.sha256 ? 'SHA-256 matches' : 'the PDF bytes differ from the version signed',
    },
  ];
  const report = await validate(bytes, { trustAnchors: [root], revocation: 'embedded' }).catch(() => null);
  const sig = report?.signatures.find((s) => s.fieldName === expected.fieldName);
  checks.push({
    check: 'pades_signature',
    ok: sig?.isValid === true,
    detail: !sig
      ? `no PAdES signature ${expected.fieldName} in the PDF`
      : sig.isValid
        ? `valid (${sig.level})`
        : sig.problems.join('; ') || 'invalid',
  });
  const shownName = sig?.declaredName ?? '';
  checks.push({
    check: 'manifestation_name',
    ok: shownName === expected.signerName,
    detail: `the PDF shows "${shownName}", the record "${expected.signerName}"`,
  });
  const shownTime = sig?.claimedTime ? Math.floor(sig.claimedTime.getTime() / 1000) : Number.NaN;
  const recordTime = Math.floor(new Date(expected.timestamp).getTime() / 1000);
  checks.push({
    check: 'manifestation_time',
    ok: shownTime === recordTime,
    detail: `the PDF shows ${sig?.claimedTime?.toISOString() ?? 'no time'}, the record ${expected.timestamp}`,
  });
  const shownMeaning = (sig?.reason ?? '').split(': ')[0] ?? '';
  checks.push({
    check: 'manifestation_meaning',
    ok: shownMeaning === expected.meaning,
    detail: `the PDF shows the meaning "${shownMeaning}", the record "${expected.meaning}"`,
  });
  if (expected.level) {
    const reached = sig?.isValid ? sig.level : 'none';
    checks.push({
      check: 'pades_level',
      ok: reaches(reached, expected.level),
      detail: `the PDF's signature reaches ${reached}, the policy required ${expected.level}`,
    });
  }
  return checks;
}
