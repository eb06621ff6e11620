import { ID, type MigrationDb } from './migration-kit.js';

/**
 * Batch sealing (用印审批 for several documents at once): one seal-use request may name
 * several documents, each at the version it was requested for, and its one approval seals
 * each of them once. `seal_use_requests` keeps its row per approval (the first document in its
 * own columns, `document_count` the size of the set); `seal_use_request_documents` lists the
 * set of a batch request. The one-use rule of `seal_uses` becomes one use per (approval,
 * document): a single-document approval still seals once, since its request names one document.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('seal_use_requests')
    .addColumn('document_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('seal_use_request_documents')
    .addColumn('request_id', ID, (c) => c.notNull().references('seal_use_requests.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('seal_use_request_documents_pk', ['request_id', 'document_id'])
    .execute();
  await db.schema.dropIndex('seal_uses_approval_uq').execute();
  await db.schema
    .createIndex('seal_uses_approval_document_uq')
    .on('seal_uses')
    .columns(['approval_id', 'document_id'])
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('seal_uses_approval_document_uq').execute();
  await db.schema
    .createIndex('seal_uses_approval_uq')
    .on('seal_uses')
    .column('approval_id')
    .unique()
    .execute();
  await db.schema.dropTable('seal_use_request_documents').execute();
  await db.schema.alterTable('seal_use_requests').dropColumn('document_count').execute();
}
