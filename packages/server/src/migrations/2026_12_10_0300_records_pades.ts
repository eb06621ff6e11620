import type { MigrationDb } from './migration-kit.js';

/**
 * §11.50 inside the signed bytes: a records signature on a PDF document version also makes a
 * PAdES signature whose appearance shows the manifestation; the signed PDF is filed as a new
 * document version, named here (its number and SHA-256) so verification can re-check it.
 */
const columns = [
  ['pades_document_version', 'integer'],
  ['pades_sha256', 'varchar(64)'],
  ['pades_field_name', 'varchar(128)'],
  ['pades_time_zone', 'varchar(64)'],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const [name, type] of columns)
    await db.schema.alterTable('records_signatures').addColumn(name, type).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const [name] of [...columns].reverse())
    await db.schema.alterTable('records_signatures').dropColumn(name).execute();
}
