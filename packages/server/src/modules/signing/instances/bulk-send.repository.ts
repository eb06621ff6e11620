import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { BulkRowStatus, BulkSendRowsTable, BulkSendStatus, BulkSendsTable } from './instances.tables.js';

/** SQL of bulk sends and their rows. */
export type BulkRow = BulkSendsTable;
export type BulkItemRow = BulkSendRowsTable;

export async function insertBulk(trx: Trx, bulk: BulkRow, items: BulkItemRow[]): Promise<void> {
  await trx.insertInto('digital_signature_bulk_sends').values(bulk).execute();
  // chunks keep each statement under SQLite's bound-parameter limit
  for (let i = 0; i < items.length; i += 200)
    await trx
      .insertInto('digital_signature_bulk_send_rows')
      .values(items.slice(i, i + 200))
      .execute();
}

export async function findBulk(db: DbOrTrx, id: string): Promise<BulkRow | undefined> {
  return db.selectFrom('digital_signature_bulk_sends').selectAll().where('id', '=', id).executeTakeFirst();
}

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

export async function itemsOf(db: DbOrTrx, bulkId: string, status?: BulkRowStatus): Promise<BulkItemRow[]> {
  let q = db.selectFrom('digital_signature_bulk_send_rows').selectAll().where('bulk_send_id', '=', bulkId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('row_index').execute();
}

export async function moveBulk(
  db: DbOrTrx,
  id: string,
  from: BulkSendStatus[],
  changes: Partial<BulkRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('digital_signature_bulk_sends')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Settles a pending row once (a re-run never settles it twice). */
export async function settleItem(
  db: DbOrTrx,
  id: string,
  changes: Pick<BulkItemRow, 'status' | 'request_id' | 'error' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('digital_signature_bulk_send_rows')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelPending(trx: Trx, bulkId: string, at: string): Promise<void> {
  await trx
    .updateTable('digital_signature_bulk_send_rows')
    .set({ status: 'cancelled', updated_at: at })
    .where('bulk_send_id', '=', bulkId)
    .where('status', '=', 'pending')
    .execute();
}

/** Recounts done and failed from the rows (exact under concurrent lanes). */
export async function refreshCounts(db: DbOrTrx, bulkId: string, at: string): Promise<BulkRow | undefined> {
  const count = (status: BulkRowStatus) =>
    db
      .selectFrom('digital_signature_bulk_send_rows')
      .select(sql<number>`count(*)`.as('n'))
      .where('bulk_send_id', '=', bulkId)
      .where('status', '=', status);
  await db
    .updateTable('digital_signature_bulk_sends')
    .set({ done_count: count('done'), failed_count: count('failed'), updated_at: at })
    .where('id', '=', bulkId)
    .execute();
  return findBulk(db, bulkId);
}
