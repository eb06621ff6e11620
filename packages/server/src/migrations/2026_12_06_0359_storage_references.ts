import { type MigrationDb, TIME } from './migration-kit.js';

/**
 * Reference counts of stored objects (platform/storage/storage-references.ts). Storage is
 * content-addressed, so two records holding identical bytes share one object: the bytes may
 * only go once nothing refers to them. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('storage_objects')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('ref_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    // When the count last reached zero; the collector waits a grace period from here.
    .addColumn('released_at', TIME)
    .execute();
  await db.schema
    .createIndex('storage_objects_released_idx')
    .on('storage_objects')
    .columns(['ref_count', 'released_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('storage_objects').execute();
}
