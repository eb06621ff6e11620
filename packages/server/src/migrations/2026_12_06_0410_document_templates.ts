import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * DOCX templates, their versions (file + variable schema), and batch generations with one
 * row per record to fill. Frozen once shipped: later changes are new migrations.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('document_templates')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('document_template_versions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) => c.notNull().references('document_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // the variable schema (JSON): found in the DOCX, then edited by people
    .addColumn('variables', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('document_template_versions_uq', ['template_id', 'version'])
    .execute();
  await db.schema
    .createTable('document_batches')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) => c.notNull().references('document_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('output', 'varchar(8)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(64)')
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('zip_key', 'varchar(64)')
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .execute();
  await db.schema
    .createIndex('document_batches_template_idx')
    .on('document_batches')
    .columns(['template_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('document_batch_rows')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('batch_id', ID, (c) => c.notNull().references('document_batches.id'))
    .addColumn('row_index', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('output_key', 'varchar(64)')
    .addColumn('document_id', ID)
    .addColumn('error', 'text')
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('document_batch_rows_uq', ['batch_id', 'row_index'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('document_batch_rows').execute();
  await db.schema.dropTable('document_batches').execute();
  await db.schema.dropTable('document_template_versions').execute();
  await db.schema.dropTable('document_templates').execute();
}
