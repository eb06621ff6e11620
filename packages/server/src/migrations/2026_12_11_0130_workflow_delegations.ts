import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Out-of-office delegation rules of the approval engine (docs/workflow.md "Delegation"), and
 * on each task the person it was created for when a rule handed it to their delegate.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_delegations')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('delegate_id', ID, (c) => c.notNull())
    .addColumn('starts_at', TIME, (c) => c.notNull())
    .addColumn('ends_at', TIME, (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('revoked_at', TIME)
    .execute();
  await db.schema
    .createIndex('workflow_delegations_user_idx')
    .on('workflow_delegations')
    .columns(['user_id', 'starts_at'])
    .execute();
  await db.schema.alterTable('workflow_tasks').addColumn('on_behalf_of', ID).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('workflow_tasks').dropColumn('on_behalf_of').execute();
  await db.schema.dropTable('workflow_delegations').execute();
}
