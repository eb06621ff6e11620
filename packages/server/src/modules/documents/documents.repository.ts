import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { applyDataScope, type DataScope } from '../identity/index.js';
import type {
  DocumentCategory,
  DocumentRetentionPoliciesTable,
  DocumentState,
  DocumentsTable,
  DocumentVersionsTable,
} from './documents.tables.js';

/** All SQL of the documents module, as small named functions; nothing here decides anything. */
export type DocumentRow = DocumentsTable;
export type VersionRow = DocumentVersionsTable;

const scopeColumns = { owner: 'documents.owner_id', department: 'documents.department_id' };

export interface DocumentFilter {
  state: DocumentState;
  category?: DocumentCategory;
  entityType?: string;
  entityId?: string;
  contractNumber?: string;
  ownerId?: string;
  q?: string;
  /** Only documents under legal hold (the retention page's list). */
  legalHold?: boolean;
}

export async function insertDocument(trx: Trx, row: DocumentRow): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

export async function insertVersion(trx: Trx, row: VersionRow): Promise<void> {
  await trx.insertInto('document_versions').values(row).execute();
}

/** One document inside `scope` (null scope: no narrowing, for service callers that checked their record). */
export async function findDocument(
  db: DbOrTrx,
  id: string,
  scope: DataScope | null,
): Promise<DocumentRow | undefined> {
  const query = db.selectFrom('documents').selectAll('documents').where('documents.id', '=', id);
  return (scope ? applyDataScope(query, scope, scopeColumns) : query).executeTakeFirst();
}

/** Of `ids`, the documents inside `scope` and not in the trash: id and title (attachments elsewhere). */
export async function documentsInScope(
  db: DbOrTrx,
  ids: string[],
  scope: DataScope,
): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return [];
  const query = db
    .selectFrom('documents')
    .select(['documents.id', 'documents.title'])
    .where('documents.id', 'in', ids)
    .where('documents.trashed_at', 'is', null);
  return applyDataScope(query, scope, scopeColumns).execute();
}

export async function documentPage(
  db: DbOrTrx,
  scope: DataScope,
  filter: DocumentFilter,
  page: PageRequest,
): Promise<Page<DocumentRow>> {
  let query = applyDataScope(db.selectFrom('documents').selectAll('documents'), scope, scopeColumns).where(
    'documents.state',
    '=',
    filter.state,
  );
  if (filter.category) query = query.where('documents.category', '=', filter.category);
  if (filter.entityType) query = query.where('documents.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('documents.entity_id', '=', filter.entityId);
  if (filter.contractNumber) query = query.where('documents.contract_number', '=', filter.contractNumber);
  if (filter.ownerId) query = query.where('documents.owner_id', '=', filter.ownerId);
  if (filter.legalHold) query = query.where('documents.legal_hold', '=', 1);
  if (filter.q) query = query.where('documents.title', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
  return paginate(
    query,
    page,
    { created_at: 'documents.created_at', title: 'documents.title' },
    'documents.id',
  );
}

export async function versionsOf(db: DbOrTrx, documentId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersion(
  db: DbOrTrx,
  documentId: string,
  version: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/**
 * Moves the current version from `expected` to `expected + 1` (compare-and-set): of two
 * concurrent uploads to one document, one wins and the other is refused to retry.
 */
export async function bumpVersion(trx: Trx, id: string, expected: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set({ current_version: expected + 1, updated_at: at })
    .where('id', '=', id)
    .where('current_version', '=', expected)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateDocument(
  trx: Trx,
  id: string,
  changes: Partial<Omit<DocumentRow, 'id' | 'created_at' | 'owner_id'>>,
): Promise<void> {
  await trx.updateTable('documents').set(changes).where('id', '=', id).execute();
}

export async function retentionPolicy(
  db: DbOrTrx,
  category: DocumentCategory,
): Promise<DocumentRetentionPoliciesTable | undefined> {
  return db
    .selectFrom('document_retention_policies')
    .selectAll()
    .where('category', '=', category)
    .executeTakeFirst();
}

/** Whether a category's previews and downloads carry the viewer's watermark. */
export async function watermarkRequired(db: DbOrTrx, category: DocumentCategory): Promise<boolean> {
  const row = await db
    .selectFrom('document_retention_policies')
    .select('watermark')
    .where('category', '=', category)
    .executeTakeFirst();
  return Number(row?.watermark ?? 0) === 1;
}

/** Whether the document's category makes it a regulated record (Annex 11 §9). */
export async function categoryRequiresReason(db: DbOrTrx, documentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('document_retention_policies as p', 'p.category', 'documents.category')
    .select('p.reason_required')
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  return Number(row?.reason_required ?? 0) === 1;
}

export async function retentionPolicies(db: DbOrTrx): Promise<DocumentRetentionPoliciesTable[]> {
  return db.selectFrom('document_retention_policies').selectAll().orderBy('category').execute();
}

export async function saveRetentionPolicy(trx: Trx, row: DocumentRetentionPoliciesTable): Promise<void> {
  await trx
    .insertInto('document_retention_policies')
    .values(row)
    .onConflict((oc) =>
      oc.column('category').doUpdateSet({
        keep_years: row.keep_years,
        worm: row.worm,
        watermark: row.watermark,
        reason_required: row.reason_required,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Trashed documents whose restore window ended, not held and no longer retained. */
export async function purgeable(
  db: DbOrTrx,
  trashedBefore: string,
  now: string,
  limit: number,
): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('state', '=', 'trashed')
    .where('trashed_at', '<', trashedBefore)
    .where('legal_hold', '=', 0)
    .where((eb) => eb.or([eb('retain_until', 'is', null), eb('retain_until', '<=', now)]))
    .orderBy('trashed_at')
    .limit(limit)
    .execute();
}

/** Deletes a trashed document and its versions; answers the storage keys its versions held. */
export async function deleteTrashedDocument(trx: Trx, id: string): Promise<string[] | null> {
  const row = await trx.selectFrom('documents').select('state').where('id', '=', id).executeTakeFirst();
  if (row?.state !== 'trashed') return null;
  const versions = await trx
    .selectFrom('document_versions')
    .select('storage_key')
    .where('document_id', '=', id)
    .execute();
  await trx.deleteFrom('document_versions').where('document_id', '=', id).execute();
  await trx.deleteFrom('documents').where('id', '=', id).execute();
  return versions.map((v) => v.storage_key);
}
