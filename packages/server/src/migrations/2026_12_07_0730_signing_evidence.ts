import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The certificate of completion and evidence file of each completed signing request, made by
 * the job the seal queues (modules/signing/evidence): storage keys (content addresses) of both.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_evidence')
    .addColumn('request_id', ID, (c) =>
      c.primaryKey().references('digital_signature_requests.id').onDelete('cascade'),
    )
    .addColumn('certificate_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('certificate_size', 'bigint', (c) => c.notNull())
    .addColumn('evidence_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('evidence_size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('digital_signature_evidence').execute();
}
