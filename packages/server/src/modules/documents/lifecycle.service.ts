import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { requireChangeReason } from '../../platform/regulated-records.js';
import { releaseObject } from '../../platform/storage/storage-references.js';
import type { DataScope } from '../identity/index.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { assertDeletable } from './documents.policy.js';
import * as docs from './documents.repository.js';
import { getDocument } from './documents.service.js';
import { documentLifecycle } from './documents.state.js';
import type { DocumentCategory, DocumentRetentionPoliciesTable } from './documents.tables.js';

/**
 * The life cycle after filing: trash and restore, legal hold, retention policies and the
 * purge. Deleting is the only step that releases storage references; the bytes themselves
 * go later, when the storage collector finds nothing refers to them.
 */
export const trashDocument = (
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: { id: string; scope: DataScope; reason?: string | undefined },
) => moveDocument(trx, deps, actor, { ...input, event: 'trash' });

export const restoreFromTrash = (trx: Trx, deps: DocumentsDeps, actor: Actor, id: string, scope: DataScope) =>
  moveDocument(trx, deps, actor, { id, scope, event: 'restore' });

/**
 * One move of `documentLifecycle`. With two states and one event out of each, an event the
 * current state does not allow is a repeat (trashing what is in the trash): answered with
 * the document as it is, nothing written or audited.
 */
async function moveDocument(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: { id: string; scope: DataScope; event: 'trash' | 'restore'; reason?: string | undefined },
) {
  const before = await getDocument(trx, input.scope, input.id);
  if (!documentLifecycle.can(before.state, input.event)) return before;
  // Trashing is the deletion of Annex 11 §9: a regulated document says why; restoring does not.
  const reason =
    input.event === 'trash'
      ? await requireChangeReason(trx, {
          resourceType: 'document',
          resourceId: input.id,
          change: 'delete',
          reason: input.reason,
        })
      : null;
  const { to, auditAction } = documentLifecycle.apply(before.state, input.event);
  const now = deps.clock.now();
  if (to === 'trashed') assertDeletable(before, now);
  const changes = {
    state: to,
    trashed_at: to === 'trashed' ? now.toISOString() : null,
    updated_at: now.toISOString(),
  };
  await docs.updateDocument(trx, input.id, changes);
  await deps.audit.record(trx, actor, {
    type: auditAction,
    entityId: input.id,
    payload: { title: before.title },
    before: { state: before.state },
    after: { state: to },
    reason,
  });
  return { ...before, ...changes };
}

/** Places (reason given) or releases (reason null) a legal hold. */
export async function setLegalHold(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: { id: string; scope: DataScope; reason: string | null },
) {
  const before = await getDocument(trx, input.scope, input.id);
  const held = input.reason !== null;
  const changes = {
    legal_hold: held ? 1 : 0,
    legal_hold_reason: input.reason,
    updated_at: deps.clock.now().toISOString(),
  };
  await docs.updateDocument(trx, input.id, changes);
  await deps.audit.record(
    trx,
    actor,
    held
      ? {
          type: 'documents.document.hold_placed',
          entityId: input.id,
          payload: { reason: input.reason ?? '' },
        }
      : { type: 'documents.document.hold_released', entityId: input.id, payload: { title: before.title } },
  );
  return { ...before, ...changes };
}

/**
 * Sets a category's retention policy for documents filed from now on. A policy change never
 * shortens what existing documents were stamped with: WORM means nobody can, not even by
 * changing the rule afterwards.
 */
export async function setRetentionPolicy(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  input: {
    category: DocumentCategory;
    keepYears: number;
    worm: boolean;
    /** Absent: unchanged. */
    watermark?: boolean;
    /** Absent: unchanged. */
    reasonRequired?: boolean;
    note?: string | null;
  },
): Promise<DocumentRetentionPoliciesTable> {
  if (input.worm && input.keepYears === 0) {
    throw domainError(
      documentsErrors.DOCUMENT_RETAINED,
      'WORM needs a retention period of at least one year',
    );
  }
  const before = await docs.retentionPolicy(trx, input.category);
  const row = {
    category: input.category,
    keep_years: input.keepYears,
    worm: input.worm ? 1 : 0,
    watermark: input.watermark === undefined ? (before?.watermark ?? 0) : input.watermark ? 1 : 0,
    reason_required: flag(input.reasonRequired, before?.reason_required),
    updated_at: deps.clock.now().toISOString(),
  };
  await docs.saveRetentionPolicy(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'documents.retention.policy_changed',
    entityId: input.category,
    payload: {
      category: input.category,
      keep_years: input.keepYears,
      worm: input.worm,
      watermark: row.watermark === 1,
      note: input.note ?? null,
    },
    before: before
      ? {
          keep_years: before.keep_years,
          worm: before.worm === 1,
          watermark: before.watermark === 1,
          reason_required: Number(before.reason_required) === 1,
        }
      : null,
    after: {
      keep_years: row.keep_years,
      worm: input.worm,
      watermark: row.watermark === 1,
      reason_required: row.reason_required === 1,
    },
    reason: input.note ?? null,
  });
  return row;
}

/**
 * One document of the purge job: removed for good when still trashed past the restore
 * window, not held and not retained (re-checked here, in the deleting transaction), its
 * storage references released.
 */
export async function purgeDocument(
  trx: Trx,
  deps: DocumentsDeps,
  actor: Actor,
  id: string,
): Promise<boolean> {
  const row = await docs.findDocument(trx, id, null);
  if (!row || row.state !== 'trashed') return false;
  const now = deps.clock.now();
  if (row.legal_hold === 1 || (row.retain_until !== null && row.retain_until > now.toISOString()))
    return false;
  const keys = await docs.deleteTrashedDocument(trx, id);
  if (!keys) return false;
  for (const key of keys) await releaseObject(trx, key, now);
  await deps.audit.record(trx, actor, {
    type: 'documents.document.purged',
    entityId: id,
    payload: { title: row.title },
    before: { state: row.state, versions: keys.length },
  });
  return true;
}

const flag = (value: boolean | undefined, before: number | undefined) =>
  value === undefined ? Number(before ?? 0) : value ? 1 : 0;

export async function retentionPolicyList(db: DbOrTrx): Promise<DocumentRetentionPoliciesTable[]> {
  return docs.retentionPolicies(db);
}
