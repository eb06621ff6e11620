import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { TemplateDocumentsTable, TemplateRolesTable } from './instances.tables.js';

/** SQL of a template's role placeholders and stored PDFs. */
export type RoleRow = TemplateRolesTable;
export type TemplateDocumentRow = TemplateDocumentsTable;

export async function rolesOf(db: DbOrTrx, templateId: string): Promise<RoleRow[]> {
  return db
    .selectFrom('digital_signature_template_roles')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('position')
    .execute();
}

export async function replaceRoles(trx: Trx, templateId: string, rows: RoleRow[]): Promise<void> {
  await trx.deleteFrom('digital_signature_template_roles').where('template_id', '=', templateId).execute();
  if (rows.length > 0) await trx.insertInto('digital_signature_template_roles').values(rows).execute();
}

export async function documentsOf(db: DbOrTrx, templateId: string): Promise<TemplateDocumentRow[]> {
  return db
    .selectFrom('digital_signature_template_documents')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('position')
    .execute();
}

export async function insertDocument(trx: Trx, row: TemplateDocumentRow): Promise<void> {
  await trx.insertInto('digital_signature_template_documents').values(row).execute();
}

export async function deleteDocument(trx: Trx, templateId: string, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('digital_signature_template_documents')
    .where('template_id', '=', templateId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
