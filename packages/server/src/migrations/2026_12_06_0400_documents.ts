import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Documents filed on any record (modules/documents): the document, its immutable versions
 * (bytes in content-addressed storage, counted in storage_objects) and the retention policy
 * per category. Frozen once shipped: later changes are new migrations.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('contract_number', 'varchar(100)')
    .addColumn('owner_id', ID, (c) => c.notNull())
    .addColumn('department_id', ID)
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('retain_until', TIME)
    .addColumn('worm', 'integer', (c) => c.notNull())
    .addColumn('legal_hold', 'integer', (c) => c.notNull())
    .addColumn('legal_hold_reason', 'text')
    .addColumn('trashed_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_entity_idx')
    .on('documents')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('documents_contract_idx')
    .on('documents')
    .columns(['contract_number'])
    .execute();
  await db.schema
    .createIndex('documents_created_idx')
    .on('documents')
    .columns(['state', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_trashed_idx')
    .on('documents')
    .columns(['state', 'trashed_at'])
    .execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('document_id', ID, (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // Macro-enabled office files are kept as inert bytes: never converted or previewed.
    .addColumn('inert', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('restored_from', 'integer')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('document_versions_number_uq', ['document_id', 'version'])
    .execute();
  await db.schema
    .createIndex('document_versions_key_idx')
    .on('document_versions')
    .columns(['storage_key'])
    .execute();

  await db.schema
    .createTable('document_retention_policies')
    .addColumn('category', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('keep_years', 'integer', (c) => c.notNull())
    .addColumn('worm', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  // Defaults: contracts and drawings ten years, technical documents five, others none.
  await db
    .insertInto('document_retention_policies')
    .values([
      { category: 'contract', keep_years: 10, worm: 0, updated_at: now },
      { category: 'technical', keep_years: 5, worm: 0, updated_at: now },
      { category: 'drawing', keep_years: 10, worm: 0, updated_at: now },
      { category: 'other', keep_years: 0, worm: 0, updated_at: now },
    ])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('document_retention_policies').execute();
  await db.schema.dropTable('document_versions').execute();
  await db.schema.dropTable('documents').execute();
}
