import { type Page, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { DigitalSignatureTemplatesTable } from './signing.tables.js';

/** SQL of signature templates. */
export type TemplateRow = DigitalSignatureTemplatesTable;

export async function insertTemplate(trx: Trx, row: TemplateRow): Promise<void> {
  await trx.insertInto('digital_signature_templates').values(row).execute();
}

export async function updateTemplate(trx: Trx, id: string, changes: Partial<TemplateRow>): Promise<void> {
  await trx.updateTable('digital_signature_templates').set(changes).where('id', '=', id).execute();
}

export async function findTemplate(db: DbOrTrx, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('digital_signature_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTemplateByCode(db: DbOrTrx, code: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('digital_signature_templates')
    .selectAll()
    .where('template_code', '=', code)
    .executeTakeFirst();
}

export async function templatePage(
  db: DbOrTrx,
  filter: { entity_type?: string; is_active?: boolean; search?: string },
  page: { page: number; page_size: number },
): Promise<Page<TemplateRow>> {
  let q = db.selectFrom('digital_signature_templates').selectAll();
  if (filter.entity_type) q = q.where('entity_type', '=', filter.entity_type);
  if (filter.is_active !== undefined) q = q.where('is_active', '=', filter.is_active ? 1 : 0);
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('template_name', 'like', like), eb('template_code', 'like', like)]));
  }
  return paginate(q, { ...page, sort: '-created_at' }, { created_at: 'created_at' });
}
