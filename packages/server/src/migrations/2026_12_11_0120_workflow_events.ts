import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The approval engine's integration events (docs/workflow.md "Listeners", action `emit`):
 * an outbox other modules read in order (e.g. webhooks deliver it). Written by the listener
 * job after the step committed. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_events')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('event', 'varchar(32)', (c) => c.notNull())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('definition_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('node_id', 'varchar(100)')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_events_instance_idx')
    .on('workflow_events')
    .columns(['instance_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('workflow_events').execute();
}
