import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Seal-use requests (用印审批): the approval started for one seal on one document version,
 * and at most one use per approval. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('seal_use_requests')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('seal_id', ID, (c) => c.notNull().references('seals.id'))
    .addColumn('authorisation_id', ID, (c) => c.notNull().references('seal_authorisations.id'))
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addColumn('requested_by', ID, (c) => c.notNull())
    .addColumn('approval_id', ID, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('seal_use_requests_approval_uq', ['approval_id'])
    .execute();
  await db.schema
    .createIndex('seal_use_requests_seal_idx')
    .on('seal_use_requests')
    .columns(['seal_id', 'created_at', 'id'])
    .execute();
  // An approval seals once: a second use of the same approval fails at the insert.
  await db.schema
    .createIndex('seal_uses_approval_uq')
    .on('seal_uses')
    .column('approval_id')
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('seal_uses_approval_uq').execute();
  await db.schema.dropTable('seal_use_requests').execute();
}
