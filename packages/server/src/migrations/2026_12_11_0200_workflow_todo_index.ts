import type { MigrationDb } from './migration-kit.js';

/**
 * The to-do box (`workflow_tasks` by assignee and status, then kind, giving instance ids)
 * read every matching task row from the table to check its kind and take its instance id:
 * with (assignee_id, status, kind, instance_id) the index alone answers it. It replaces the
 * (assignee_id, status) index, whose every use it covers.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('workflow_tasks_assignee_open_idx')
    .on('workflow_tasks')
    .columns(['assignee_id', 'status', 'kind', 'instance_id'])
    .execute();
  await db.schema.dropIndex('workflow_tasks_assignee_idx').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('workflow_tasks_assignee_idx')
    .on('workflow_tasks')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema.dropIndex('workflow_tasks_assignee_open_idx').execute();
}
