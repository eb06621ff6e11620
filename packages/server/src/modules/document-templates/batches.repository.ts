import type { DbOrTrx } from '../../platform/db/schema.js';
import { rowBatchRepository } from '../../platform/jobs/row-batch.repository.js';
import type { DocumentBatchesTable, DocumentBatchRowsTable } from './document-templates.tables.js';

/** All SQL of batch generations: the row-batch mechanics are the platform's, on these tables. */
export type BatchRow = DocumentBatchesTable;
export type BatchItemRow = DocumentBatchRowsTable;

export const batches = rowBatchRepository<BatchRow, BatchItemRow>({
  parent: 'document_batches',
  items: 'document_batch_rows',
  parentColumn: 'batch_id',
});

export async function batchesOfTemplate(db: DbOrTrx, templateId: string): Promise<BatchRow[]> {
  return db
    .selectFrom('document_batches')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}
