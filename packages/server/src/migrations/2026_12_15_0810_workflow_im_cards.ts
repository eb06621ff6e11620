import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * IM approval cards (docs/workflow.md, "IM approval cards"): one row per card sent for a
 * task on a provider, keyed by a random card id, and the nonces of the callbacks already
 * accepted (a replay is refused). Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_im_cards')
    .addColumn('card_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('im_user_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('sent_at', TIME)
    .addColumn('used_at', TIME)
    .addColumn('outcome', 'varchar(24)')
    .addUniqueConstraint('workflow_im_cards_task_provider', ['task_id', 'provider'])
    .execute();
  await db.schema
    .createTable('workflow_im_nonces')
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
    .addColumn('seen_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_im_nonces_pk', ['provider', 'nonce'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('workflow_im_nonces').execute();
  await db.schema.dropTable('workflow_im_cards').execute();
}
