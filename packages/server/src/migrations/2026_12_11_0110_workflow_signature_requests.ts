import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Which signing request a signature node of an approval waits for (docs/workflow.md,
 * "Signature nodes"): one row per request, so the signing module's outcome finds the node.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_signature_requests')
    .addColumn('request_id', ID, (c) => c.primaryKey())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('node_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_signature_requests_instance_idx')
    .on('workflow_signature_requests')
    .columns(['instance_id', 'node_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('workflow_signature_requests').execute();
}
