import { runCompiled } from '../../../platform/db/compiled-once.js';
import type { Page, PageRequest } from '../../../platform/db/pagination.js';
import { paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { DefinitionStatus, WorkflowDefinitionsTable } from '../workflow.tables.js';

/** All SQL of workflow definitions. */
export type DefinitionRow = WorkflowDefinitionsTable;

export async function insertDefinition(trx: Trx, row: DefinitionRow): Promise<void> {
  await trx.insertInto('workflow_definitions').values(row).execute();
}

export async function findDefinition(db: DbOrTrx, id: string): Promise<DefinitionRow | undefined> {
  const query = (idSlot: string) =>
    db.selectFrom('workflow_definitions').selectAll().where('id', '=', idSlot);
  return (await runCompiled(db, 'workflow findDefinition', query, [id])).rows[0];
}

export async function latestVersionOf(db: DbOrTrx, key: string): Promise<number | null> {
  const row = await db
    .selectFrom('workflow_definitions')
    .select('version')
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The published version of a key (read every start: publishing may happen in another process). */
export async function publishedOf(db: DbOrTrx, key: string): Promise<DefinitionRow | undefined> {
  const query = (keySlot: string) =>
    db
      .selectFrom('workflow_definitions')
      .selectAll()
      .where('key', '=', keySlot)
      .where('status', '=', 'published')
      .orderBy('version', 'desc')
      .limit(1);
  return (await runCompiled(db, 'workflow publishedOf', query, [key])).rows[0];
}

export async function definitionPage(
  db: DbOrTrx,
  filter: { status?: DefinitionStatus; key?: string },
  page: PageRequest,
): Promise<Page<DefinitionRow>> {
  let query = db.selectFrom('workflow_definitions').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.key) query = query.where('key', '=', filter.key);
  return paginate(query, page, { created_at: 'created_at', name: 'name' });
}

/** Compare-and-set on the status: false when another request changed it first. */
export async function updateDefinition(
  trx: Trx,
  id: string,
  from: DefinitionStatus,
  changes: Partial<Omit<DefinitionRow, 'id' | 'key' | 'version' | 'created_at' | 'created_by'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('workflow_definitions')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Archives the other published versions of a key (a key has one published version). */
export async function archiveOtherPublished(
  trx: Trx,
  key: string,
  keepId: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('workflow_definitions')
    .set({ status: 'archived', updated_at: at })
    .where('key', '=', key)
    .where('status', '=', 'published')
    .where('id', '!=', keepId)
    .execute();
}

export async function deleteDraft(trx: Trx, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('workflow_definitions')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Every published version (one per key), by name: what a user may start. */
export function publishedDefinitions(db: DbOrTrx): Promise<DefinitionRow[]> {
  return db
    .selectFrom('workflow_definitions')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('name')
    .orderBy('key')
    .limit(500)
    .execute();
}
