import type { DbOrTrx } from '../../platform/db/schema.js';
import type { DocumentTemplateDraftsTable } from './document-templates.tables.js';

/** All SQL of staged template drafts. */
export type DraftRow = DocumentTemplateDraftsTable;

export async function insertDraft(db: DbOrTrx, row: DraftRow): Promise<void> {
  await db.insertInto('document_template_drafts').values(row).execute();
}

/** A live draft of `userId` (expired or other people's drafts are not found). */
export async function findLiveDraft(
  db: DbOrTrx,
  id: string,
  userId: string | null,
  now: string,
): Promise<DraftRow | undefined> {
  return db
    .selectFrom('document_template_drafts')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', userId === null ? 'is' : '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteDraft(db: DbOrTrx, id: string): Promise<boolean> {
  const result = await db.deleteFrom('document_template_drafts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function expiredDrafts(db: DbOrTrx, now: string, limit: number): Promise<DraftRow[]> {
  return db
    .selectFrom('document_template_drafts')
    .selectAll()
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** Whether a version or another draft still holds these bytes (storage is content-addressed). */
export async function isFileKeyHeld(db: DbOrTrx, key: string): Promise<boolean> {
  const version = await db
    .selectFrom('document_template_versions')
    .select('id')
    .where('file_key', '=', key)
    .executeTakeFirst();
  if (version) return true;
  const draft = await db
    .selectFrom('document_template_drafts')
    .select('id')
    .where('file_key', '=', key)
    .executeTakeFirst();
  return draft !== undefined;
}
