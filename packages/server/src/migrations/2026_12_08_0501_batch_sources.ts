import type { MigrationDb } from './migration-kit.js';

/**
 * Document templates, part 2: where a batch's data came from. The batch keeps how the rows
 * arrived (`json`, `csv`, `xlsx`), the uploaded file's name and the record type rows were
 * filled from; each row keeps the id of the record it was filled from. Older batches: null.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('document_batches').addColumn('source_kind', 'varchar(16)').execute();
  await db.schema.alterTable('document_batches').addColumn('source_file_name', 'varchar(255)').execute();
  await db.schema.alterTable('document_batches').addColumn('source_entity_type', 'varchar(64)').execute();
  await db.schema.alterTable('document_batch_rows').addColumn('source_record_id', 'varchar(64)').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('document_batch_rows').dropColumn('source_record_id').execute();
  for (const column of ['source_entity_type', 'source_file_name', 'source_kind']) {
    await db.schema.alterTable('document_batches').dropColumn(column).execute();
  }
}
