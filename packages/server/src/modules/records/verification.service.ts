import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { auditEvidence } from '../audit/index.js';
import { authLogOf } from './ceremony.repository.js';
import { signableOperation } from './operations.js';
import { checkPadesManifestation, type PadesCheck } from './pades-check.js';
import { can } from './records.catalogue.js';
import type { RecordsDeps } from './records.deps.js';
import { manifestSha256, openManifest, type SignatureManifest } from './signature-value.js';
import * as signatures from './signatures.repository.js';

/**
 * Verifies a signature (seed 002 §5.3.2): the sealed value opens (AES-256-GCM, its own id
 * as additional data) and its MAC holds; every column of the row matches the manifest it
 * carries (a row moved to another record or version, or a meaning edited in the database,
 * no longer does); the record the caller names is the one signed; and the audit trail holds
 * the signature's creation event with the same manifest hash, in a chain that verifies.
 *
 * Verification is a read. The stored `verification_status` (valid at creation) and a
 * `records.signature.verified` audit event are written only when the outcome of the checks
 * on the stored signature itself changes it: tampering found (valid → invalid), or, after a
 * full check with the audit proof, a repaired record (invalid → valid). A resource id or
 * record hash the caller supplies that does not match makes this answer invalid, but says
 * nothing about the stored signature, so it never changes the status.
 */
export interface Verification {
  isValid: boolean;
  problems: string[];
  manifest: SignatureManifest | null;
  coversCurrentVersion: boolean | null;
  auditEventsVerified: number;
  /** The PAdES signature of the PDF version it produced (§11.50), check by check; [] when none. */
  padesChecks: PadesCheck[];
}

const compared = [
  'user_id',
  'resource_type',
  'resource_id',
  'operation_type',
  'record_version',
  'record_sha256',
  'signature_mean',
  'reason',
  'signer_name',
  'timestamp',
  'policy_id',
] as const;

export async function verifySignature(
  deps: RecordsDeps,
  actor: Actor,
  input: {
    signatureId: string;
    resourceId?: string | undefined;
    recordHash?: string | undefined;
    /** False skips the audit inclusion check (the signature's events in the signed log). */
    includeAuditProof?: boolean | undefined;
  },
): Promise<Verification> {
  const row = await visibleSignature(deps.db, actor, input.signatureId);
  const intrinsic: string[] = [];
  const manifest = openManifest(deps, row.id, row.signature_value);
  if (!manifest) intrinsic.push('signature value does not open or its seal is broken');
  for (const field of compared)
    if (manifest && manifest[field] !== row[field]) intrinsic.push(`${field} differs from what was signed`);
  if (manifest && (manifest.pades_sha256 ?? null) !== row.pades_sha256)
    intrinsic.push('pades_sha256 differs from what was signed');
  if (manifest && (manifest.pades_level ?? null) !== row.pades_level)
    intrinsic.push('pades_level differs from what was signed');
  const padesChecks = await checkPadesManifestation(deps, row);
  for (const c of padesChecks) if (!c.ok) intrinsic.push(`PAdES ${c.check}: ${c.detail}`);
  const withAudit = input.includeAuditProof !== false;
  const audit = withAudit ? await auditInclusion(deps, row, manifest) : { problems: [], verified: 0 };
  intrinsic.push(...audit.problems);
  const asked: string[] = [];
  if (input.resourceId !== undefined && input.resourceId !== (manifest?.resource_id ?? row.resource_id))
    asked.push('the signature was not made on this resource');
  if (input.recordHash !== undefined && input.recordHash.toLowerCase() !== manifest?.record_sha256)
    asked.push('the record hash given is not the one signed');
  const coversCurrentVersion = await currentVersionCheck(deps, manifest, row);
  const status = intrinsic.length > 0 ? 'invalid' : withAudit ? 'valid' : row.verification_status;
  if (status !== row.verification_status) await recordStatusChange(deps, actor, row, status, intrinsic);
  const problems = [...intrinsic, ...asked];
  return {
    isValid: problems.length === 0,
    problems,
    manifest,
    coversCurrentVersion,
    auditEventsVerified: audit.verified,
    padesChecks,
  };
}

/** The one write verification makes: a status change and its audit event, together, once. */
async function recordStatusChange(
  deps: RecordsDeps,
  actor: Actor,
  row: signatures.SignatureRow,
  status: string,
  problems: string[],
) {
  const at = deps.clock.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    const changed = await signatures.changeVerificationStatus(trx, row.id, {
      from: row.verification_status,
      to: status,
      at,
    });
    if (!changed) return;
    await deps.audit.record(trx, actor, {
      type: 'records.signature.verified',
      entityId: row.id,
      payload: { valid: status === 'valid', previous_status: row.verification_status, problems },
    });
  });
}

/** The current version is the one signed, or the signed PDF this signature filed as the next one. */
async function currentVersionCheck(
  deps: RecordsDeps,
  manifest: SignatureManifest | null,
  row: signatures.SignatureRow,
) {
  const operation = manifest && signableOperation(manifest.resource_type, manifest.operation_type);
  if (!manifest || !operation?.currentRecord) return null;
  try {
    const current = await operation.currentRecord(deps.db, deps.ctx, manifest.resource_id);
    return current.sha256 === manifest.record_sha256 || current.sha256 === row.pades_sha256;
  } catch {
    return false;
  }
}

/**
 * The signature's audit events are in the log (inclusion proofs against the latest signed
 * checkpoint, MACs for newer events: the audit module's read-only check) and its creation
 * event records this signature, meaning and record.
 */
async function auditInclusion(
  deps: RecordsDeps,
  row: signatures.SignatureRow,
  manifest: SignatureManifest | null,
) {
  const inclusion = await auditEvidence.entityInclusion(deps.ctx, {
    entityType: 'signature',
    entityId: row.id,
  });
  const problems = inclusion.problems.length > 0 ? ['the audit trail does not verify'] : [];
  const created = inclusion.events.find((e) => e.action === 'records.signature.created');
  if (!created) return { problems: [...problems, 'no audit event records this signature'], verified: 0 };
  const details = JSON.parse(String(created.details ?? '{}')) as Record<string, unknown>;
  if (manifest && details.manifest_sha256 !== manifestSha256(manifest))
    problems.push('the audit event records a different signature');
  if (details.signature_mean !== row.signature_mean || details.record_sha256 !== row.record_sha256)
    problems.push('the audit trail records another meaning or record than the stored signature');
  return { problems, verified: inclusion.verified };
}

/** A signature the actor may see: their own, or anyone's with records.signature.read. */
export async function visibleSignature(db: DbOrTrx, actor: Actor, id: string) {
  const row = await signatures.findSignature(db, id);
  if (!row) throw notFound('Signature');
  if (row.user_id !== actor.userId && !actor.permissions.has(can['records.signature.read']))
    throw notFound('Signature');
  return row;
}

export async function signatureDetails(db: DbOrTrx, actor: Actor, id: string) {
  const row = await visibleSignature(db, actor, id);
  return { row, attempts: await authLogOf(db, { signatureId: id }) };
}

export function signatureHistory(
  db: DbOrTrx,
  actor: Actor,
  query: signatures.HistoryFilter & { page: number; page_size: number; sort: string },
) {
  const mayReadAll = actor.permissions.has(can['records.signature.read']);
  if (query.userId && query.userId !== actor.userId && !mayReadAll)
    throw forbidden('You can only see your own signatures');
  const userId = mayReadAll ? query.userId : (actor.userId ?? '-');
  return signatures.signaturePage(db, { ...query, ...(userId ? { userId } : {}) }, query);
}
