import type { DbOrTrx } from '../../../platform/db/schema.js';
import { rowBatchRepository } from '../../../platform/jobs/row-batch.repository.js';
import type { BulkSendRowsTable, BulkSendsTable } from './instances.tables.js';

/** SQL of bulk sends and their rows: the row-batch mechanics are the platform's, on these tables. */
export type BulkRow = BulkSendsTable;
export type BulkItemRow = BulkSendRowsTable;

export const bulks = rowBatchRepository<BulkRow, BulkItemRow>({
  parent: 'digital_signature_bulk_sends',
  items: 'digital_signature_bulk_send_rows',
  parentColumn: 'bulk_send_id',
});

export async function bulkPage(db: DbOrTrx, templateId: string | null, page: number, size: number) {
  let q = db.selectFrom('digital_signature_bulk_sends');
  if (templateId) q = q.where('template_id', '=', templateId);
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}
