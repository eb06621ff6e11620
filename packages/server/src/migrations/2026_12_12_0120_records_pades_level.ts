import type { MigrationDb } from './migration-kit.js';

/**
 * A signature policy may require the PAdES baseline level (B-B, B-T, B-LT, B-LTA) of the PDF
 * its signatures produce (null: B-T, the default); each signature keeps the level it was made
 * at, so verification checks the stored PDF still reaches it.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('records_policies').addColumn('pades_level', 'varchar(8)').execute();
  await db.schema.alterTable('records_signatures').addColumn('pades_level', 'varchar(8)').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('records_signatures').dropColumn('pades_level').execute();
  await db.schema.alterTable('records_policies').dropColumn('pades_level').execute();
}
