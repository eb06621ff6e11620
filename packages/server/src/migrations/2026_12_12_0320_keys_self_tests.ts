import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The daily key self-test's results (21 CFR 11.300(e): periodic testing of the devices that
 * bear identification): one row per certificate per run, kept as evidence. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('keys_self_tests')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('certificate_id', ID, (c) => c.notNull())
    .addColumn('key_id', ID, (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('ran_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('keys_self_tests_certificate_idx')
    .on('keys_self_tests')
    .columns(['certificate_id', 'ran_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('keys_self_tests').execute();
}
