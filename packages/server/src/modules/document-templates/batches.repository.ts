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
