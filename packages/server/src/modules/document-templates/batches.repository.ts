import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type {
  BatchRowStatus,
  BatchStatus,
  DocumentBatchesTable,
  DocumentBatchRowsTable,
} from './document-templates.tables.js';

/** All SQL of batch generations. */
export type BatchRow = DocumentBatchesTable;
export type BatchItemRow = DocumentBatchRowsTable;

export async function insertBatch(trx: Trx, batch: BatchRow, items: BatchItemRow[]): Promise<void> {
  await trx.insertInto('document_batches').values(batch).execute();
  for (let start = 0; start < items.length; start += 200) {
    await trx
      .insertInto('document_batch_rows')
      .values(items.slice(start, start + 200))
      .execute();
  }
}

export async function findBatch(db: DbOrTrx, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('document_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function batchesOfTemplate(db: DbOrTrx, templateId: string): Promise<BatchRow[]> {
  return db
    .selectFrom('document_batches')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function batchItems(
  db: DbOrTrx,
  batchId: string,
  status?: BatchRowStatus,
): Promise<BatchItemRow[]> {
  let query = db.selectFrom('document_batch_rows').selectAll().where('batch_id', '=', batchId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('row_index').execute();
}

/** Moves a batch between statuses only from one it is still in (compare-and-set). */
export async function moveBatch(
  db: DbOrTrx,
  id: string,
  from: BatchStatus[],
  changes: Partial<Omit<BatchRow, 'id'>> & { status: BatchStatus },
): Promise<boolean> {
  const result = await db
    .updateTable('document_batches')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Settles one pending row; false when it was settled before (a re-run of the job). */
export async function settleItem(
  trx: DbOrTrx,
  id: string,
  changes: Pick<BatchItemRow, 'status' | 'error' | 'output_key' | 'document_id' | 'updated_at'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('document_batch_rows')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelPendingItems(db: DbOrTrx, batchId: string, at: string): Promise<void> {
  await db
    .updateTable('document_batch_rows')
    .set({ status: 'cancelled', updated_at: at })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'pending')
    .execute();
}

/** Recounts done and failed from the rows (the truth), so a re-run never double counts. */
export async function refreshCounts(db: DbOrTrx, batchId: string, at: string): Promise<BatchRow | undefined> {
  const counts = await db
    .selectFrom('document_batch_rows')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', '=', batchId)
    .groupBy('status')
    .execute();
  const count = (status: BatchRowStatus) => Number(counts.find((row) => row.status === status)?.n ?? 0);
  await db
    .updateTable('document_batches')
    .set({ done_count: count('done'), failed_count: count('failed'), updated_at: at })
    .where('id', '=', batchId)
    .execute();
  return findBatch(db, batchId);
}
