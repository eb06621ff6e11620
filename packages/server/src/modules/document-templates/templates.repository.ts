import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DocumentTemplatesTable, DocumentTemplateVersionsTable } from './document-templates.tables.js';

/** All SQL of templates and their versions. */
export type TemplateRow = DocumentTemplatesTable;
export type TemplateVersionRow = DocumentTemplateVersionsTable;

export async function insertTemplate(trx: Trx, row: TemplateRow): Promise<void> {
  await trx.insertInto('document_templates').values(row).execute();
}

export async function findTemplate(db: DbOrTrx, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('document_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTemplateByName(db: DbOrTrx, name: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('document_templates').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function templatePage(db: DbOrTrx, page: PageRequest): Promise<Page<TemplateRow>> {
  return paginate(db.selectFrom('document_templates').selectAll(), page, {
    created_at: 'created_at',
    name: 'name',
    updated_at: 'updated_at',
  });
}

/** Moves latest_version forward only from the version the caller read (compare-and-set). */
export async function advanceLatestVersion(trx: Trx, id: string, from: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('document_templates')
    .set({ latest_version: from + 1, updated_at: at })
    .where('id', '=', id)
    .where('latest_version', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(trx: Trx, row: TemplateVersionRow): Promise<void> {
  await trx.insertInto('document_template_versions').values(row).execute();
}

export async function findVersion(
  db: DbOrTrx,
  templateId: string,
  version: number,
): Promise<TemplateVersionRow | undefined> {
  return db
    .selectFrom('document_template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: DbOrTrx, templateId: string): Promise<TemplateVersionRow[]> {
  return db
    .selectFrom('document_template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('version', 'desc')
    .execute();
}

export async function updateVersionVariables(trx: Trx, id: string, variables: string): Promise<void> {
  await trx.updateTable('document_template_versions').set({ variables }).where('id', '=', id).execute();
}
