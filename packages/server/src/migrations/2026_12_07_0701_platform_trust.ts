import { type MigrationDb, TIME } from './migration-kit.js';

/**
 * The platform PKI's revocation list (platform/trust): certificates the platform CA issued
 * and later revoked, published by the public CRL and OCSP endpoints. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('platform_certificate_revocations')
    .addColumn('serial', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', TIME, (c) => c.notNull())
    .addColumn('subject', 'varchar(500)')
    .addColumn('note', 'text')
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('platform_certificate_revocations').execute();
}
