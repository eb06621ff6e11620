import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The approval engine's tables (issue 17). Frozen once shipped: later changes are new
 * migrations. JSON columns are text written through the one codec.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_definitions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('nodes', 'text', (c) => c.notNull())
    .addColumn('edges', 'text', (c) => c.notNull())
    .addColumn('created_by', ID, (c) => c.notNull())
    .addColumn('published_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('workflow_definitions_key_version_uq', ['key', 'version'])
    .execute();
  await db.schema
    .createIndex('workflow_definitions_created_idx')
    .on('workflow_definitions')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('workflow_instances')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('definition_id', ID, (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('business_type', 'varchar(50)')
    .addColumn('business_id', 'varchar(100)')
    .addColumn('form_data', 'text', (c) => c.notNull())
    .addColumn('chosen_approvers', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('applicant_id', ID, (c) => c.notNull())
    .addColumn('parent_token_id', ID)
    .addColumn('last_urged_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .execute();
  await db.schema
    .createIndex('workflow_instances_applicant_idx')
    .on('workflow_instances')
    .columns(['applicant_id', 'created_at'])
    .execute();

  // A token is a position of the instance in the definition's tree; a parallel node's token
  // waits while one child token per branch runs, and `arrived` counts the children at the join.
  await db.schema
    .createTable('workflow_tokens')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('parent_id', ID)
    .addColumn('branch_id', 'varchar(64)')
    .addColumn('node_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('branches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rev', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_approvers', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_tokens_instance_idx')
    .on('workflow_tokens')
    .column('instance_id')
    .execute();

  await db.schema
    .createTable('workflow_tasks')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('token_id', ID, (c) => c.notNull())
    .addColumn('node_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('assignee_id', ID, (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('counts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('releases_task_id', ID)
    .addColumn('comment', 'text')
    .addColumn('decided_by', ID)
    .addColumn('decided_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_tasks_assignee_idx')
    .on('workflow_tasks')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema
    .createIndex('workflow_tasks_instance_idx')
    .on('workflow_tasks')
    .columns(['instance_id', 'token_id'])
    .execute();

  await db.schema
    .createTable('workflow_records')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('instance_id', ID, (c) => c.notNull())
    .addColumn('node_id', 'varchar(64)')
    .addColumn('task_id', ID)
    .addColumn('actor_id', ID)
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_records_instance_idx')
    .on('workflow_records')
    .columns(['instance_id', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['workflow_records', 'workflow_tasks', 'workflow_tokens', 'workflow_instances'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropTable('workflow_definitions').execute();
}
