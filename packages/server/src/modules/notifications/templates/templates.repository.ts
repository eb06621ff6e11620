import type { PageRequest } from '../../../platform/db/pagination.js';
import { paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type {
  NotificationTemplatesTable,
  NotificationTemplateVersionsTable,
} from '../notifications.tables.js';

/** All SQL of templates and their versions. */
export type TemplateRow = NotificationTemplatesTable;
export type VersionRow = NotificationTemplateVersionsTable;

export async function insertTemplate(trx: Trx, row: TemplateRow): Promise<void> {
  await trx.insertInto('notification_templates').values(row).execute();
}

export async function insertVersion(trx: Trx, row: VersionRow): Promise<void> {
  await trx.insertInto('notification_template_versions').values(row).execute();
}

export async function findTemplateByCode(db: DbOrTrx, code: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('notification_templates').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The current version's content, as the send path compiles it (TemplateCache.get). */
export type CurrentContent = Pick<VersionRow, 'id' | 'variants' | 'variables'>;

/**
 * A template by code with its current version's content, in one statement (a send reads
 * both; the version is undefined when the template has no row for its current version).
 */
export async function findTemplateWithCurrent(
  db: DbOrTrx,
  code: string,
): Promise<{ template: TemplateRow; current: CurrentContent | undefined } | undefined> {
  const row = await db
    .selectFrom('notification_templates as t')
    .leftJoin('notification_template_versions as v', (join) =>
      join.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'),
    )
    .selectAll('t')
    .select(['v.id as current_id', 'v.variants as current_variants', 'v.variables as current_variables'])
    .where('t.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const { current_id, current_variants, current_variables, ...template } = row;
  const current =
    current_id === null || current_variants === null || current_variables === null
      ? undefined
      : { id: current_id, variants: current_variants, variables: current_variables };
  return { template, current };
}

export async function findTemplatesByCode(db: DbOrTrx, codes: readonly string[]): Promise<TemplateRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('notification_templates')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export async function findVersion(
  db: DbOrTrx,
  templateId: string,
  version: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('notification_template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: DbOrTrx, templateId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('notification_template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('version', 'desc')
    .execute();
}

export async function templatePage(
  db: DbOrTrx,
  filter: { category?: string; status?: string; q?: string },
  page: PageRequest,
) {
  let query = db.selectFrom('notification_templates').selectAll();
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.status) query = query.where('status', '=', filter.status as TemplateRow['status']);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like)]));
  }
  return paginate(query, page, { created_at: 'created_at', code: 'code', name: 'name' });
}

/**
 * Moves the template to a new current version only if it is still at `expected`
 * (compare-and-set), so two editors saving at once cannot both win.
 */
export async function advanceTemplate(
  trx: Trx,
  id: string,
  expected: number,
  changes: Partial<Omit<TemplateRow, 'id' | 'code' | 'created_at'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('notification_templates')
    .set(changes)
    .where('id', '=', id)
    .where('current_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setTemplateStatus(trx: Trx, id: string, status: TemplateRow['status'], at: string) {
  await trx
    .updateTable('notification_templates')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Every category templates use (what a user can switch on and off). */
export async function templateCategories(
  db: DbOrTrx,
): Promise<{ category: string; is_transactional: number }[]> {
  return db
    .selectFrom('notification_templates')
    .select(['category', (eb) => eb.fn.max('is_transactional').as('is_transactional')])
    .groupBy('category')
    .orderBy('category')
    .execute() as Promise<{ category: string; is_transactional: number }[]>;
}
