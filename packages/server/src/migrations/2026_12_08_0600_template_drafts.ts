import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Document templates, part 3: staged drafts. An uploaded DOCX waits here, previewed with
 * sample data, until it is saved as a version or expires and is collected. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('document_template_drafts')
    .addColumn('id', ID, (c) => c.primaryKey())
    // null: a draft of a new template; set: a draft of that template's next version
    .addColumn('template_id', ID)
    .addColumn('file_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('variables', 'text', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_template_drafts_expires_idx')
    .on('document_template_drafts')
    .column('expires_at')
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('document_template_drafts').execute();
}
