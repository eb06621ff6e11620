import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Signing profiles (central configuration): one profile per scope (platform, organisation,
 * department, template), every change a new immutable version. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('signing_profiles')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('scope_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('scope_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('signing_profiles_scope_uq', ['scope_type', 'scope_id'])
    .execute();
  await db.schema
    .createTable('signing_profile_versions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('profile_id', ID, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('signing_profile_versions_uq', ['profile_id', 'version'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('signing_profile_versions').execute();
  await db.schema.dropTable('signing_profiles').execute();
}
