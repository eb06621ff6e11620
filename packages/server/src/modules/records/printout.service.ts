import { formatLocalTime } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { auditEvidence } from '../audit/index.js';
import { meaningLabel } from './meaning-labels.js';
import { findPolicyVersion } from './policies.repository.js';
import type { RecordsDeps } from './records.deps.js';
import type { SignatureManifest } from './signature-value.js';
import type * as signatures from './signatures.repository.js';
import { verifySignature, visibleSignature } from './verification.service.js';

/**
 * The human-readable copy of a signature's manifestation (Part 11 §11.10(b), §11.50; Annex 11
 * §8.1/§8.2): who, when (with the zone), which meaning, why, what was signed, whether it
 * verifies now, and every field changed since it was first entered, with its original value:
 * fields of the signed record (its audit events' before/after values) and fields of the
 * signature row itself that no longer match the sealed value.
 */
export interface ChangedField {
  /** `record` (the signed record's audit trail) or `signature` (against the sealed value). */
  source: 'record' | 'signature';
  field: string;
  original: string | null;
  current: string | null;
  changed_at: string | null;
  changed_by: string | null;
}

export interface Printout {
  signature_id: string;
  signer_name: string;
  timestamp: string;
  time_zone: string;
  time_display: string;
  signature_mean: string;
  meaning_label: string;
  reason: string | null;
  resource_type: string;
  resource_id: string;
  operation_type: string;
  record_version: string;
  record_sha256: string;
  pades_document_version: number | null;
  pades_sha256: string | null;
  verification: { valid: boolean; problems: string[]; checked_at: string };
  changed_fields: ChangedField[];
  language: string;
}

export async function signaturePrintout(
  deps: RecordsDeps,
  actor: Actor,
  input: { signatureId: string; language: string },
): Promise<Printout> {
  const verification = await verifySignature(deps, actor, { signatureId: input.signatureId });
  const row = await visibleSignature(deps.db, actor, input.signatureId);
  const policy = await findPolicyVersion(deps.db, row.policy_id);
  const zone = row.pades_time_zone ?? policy?.time_zone ?? 'UTC';
  return {
    signature_id: row.id,
    signer_name: row.signer_name,
    timestamp: row.timestamp,
    time_zone: zone,
    time_display: formatLocalTime(new Date(row.timestamp), zone),
    signature_mean: row.signature_mean,
    meaning_label: meaningLabel(row.signature_mean, input.language),
    reason: row.reason,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    operation_type: row.operation_type,
    record_version: row.record_version,
    record_sha256: row.record_sha256,
    pades_document_version: row.pades_document_version,
    pades_sha256: row.pades_sha256,
    verification: {
      valid: verification.isValid,
      problems: verification.problems,
      checked_at: deps.clock.now().toISOString(),
    },
    changed_fields: [...signatureChanges(row, verification.manifest), ...(await recordChanges(deps, row))],
    language: input.language,
  };
}

const sealedFields = [
  'signer_name',
  'signature_mean',
  'reason',
  'timestamp',
  'record_version',
  'record_sha256',
] as const;

function signatureChanges(row: signatures.SignatureRow, manifest: SignatureManifest | null): ChangedField[] {
  if (!manifest) return [];
  return sealedFields
    .filter((field) => manifest[field] !== row[field])
    .map((field) => ({
      source: 'signature' as const,
      field,
      original: manifest[field],
      current: row[field],
      changed_at: null,
      changed_by: null,
    }));
}

/** Folds the record's audit events: a field's value at its first event is its original value. */
async function recordChanges(deps: RecordsDeps, row: signatures.SignatureRow): Promise<ChangedField[]> {
  const { events } = await auditEvidence.entityInclusion(deps.ctx, {
    entityType: row.resource_type,
    entityId: row.resource_id,
  });
  const fields = new Map<string, ChangedField>();
  for (const event of events) {
    if (!event.changes) continue;
    const changes = JSON.parse(event.changes) as Record<string, { before?: unknown; after?: unknown }>;
    for (const [field, change] of Object.entries(changes)) {
      const known = fields.get(field);
      fields.set(field, {
        source: 'record',
        field,
        // A field's first event is its entry (creation: no `before`) or, for events older than
        // the entry's record, the first change, whose `before` is the original.
        original: known ? known.original : text('before' in change ? change.before : change.after),
        current: text(change.after),
        changed_at: event.occurred_at,
        changed_by: event.actor_name,
      });
    }
  }
  return [...fields.values()].filter((f) => f.original !== f.current);
}

const text = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
