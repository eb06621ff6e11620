import { ID, type MigrationDb, TIME } from '../../migrations/migration-kit.js';

/**
 * The module's tables. Frozen once shipped: later changes are new migrations.
 * @templateNote A real module's migration is a timestamped file in src/migrations/ listed
 * in migrations/index.ts (`npm run new-module` puts it there). The example never ships, so
 * its migration stays beside it and only its tests apply it: production databases never
 * get an example table.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('example_widgets')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('owner_id', ID, (c) => c.notNull())
    .addColumn('reviewer_id', ID)
    .addColumn('decision_note', 'text')
    .addColumn('submitted_at', TIME)
    .addColumn('decided_at', TIME)
    .addColumn('owner_notified_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('example_widgets_owner_name_uq', ['owner_id', 'name'])
    .execute();
  // Lists sort by created_at (id breaks ties) and reviewers filter by state; owners see their own.
  await db.schema
    .createIndex('example_widgets_created_idx')
    .on('example_widgets')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('example_widgets_state_idx')
    .on('example_widgets')
    .columns(['state', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('example_widgets_owner_idx')
    .on('example_widgets')
    .columns(['owner_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('example_widgets').execute();
}
