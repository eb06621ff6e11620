import type { MigrationDb } from './migration-kit.js';

/**
 * Documents, part 3: a category may require that every preview and download served to a
 * viewer carries a watermark with the viewer's name, the time and the IP address
 * (`watermark` 1). The stored original is never changed; off for every category by default.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('document_retention_policies')
    .addColumn('watermark', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('document_retention_policies').dropColumn('watermark').execute();
}
