import { ID, type MigrationDb } from './migration-kit.js';

/**
 * One row per person who has (or had) a delegation rule: creating a rule first upserts the
 * absent person's row, which holds that row's lock to commit (PostgreSQL; SQLite holds the
 * database write lock), so two rules of one person are checked for overlap one after the
 * other and never both inserted. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('workflow_delegation_owners')
    .addColumn('user_id', ID, (c) => c.primaryKey())
    .addColumn('rev', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('workflow_delegation_owners').execute();
}
