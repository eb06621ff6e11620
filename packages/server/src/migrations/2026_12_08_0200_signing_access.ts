import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Signing requests: the optional second factor (modules/signing/access) and the alert marks
 * (modules/signing/alerts). A request's factor kind and, for a sender-set access code, its
 * hash; per signer the current one-time code (hash), attempt and lock counters, the last send
 * and the proof issued once the factor passed (hash, bound to the link it was earned with).
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_request_access')
    .addColumn('request_id', ID, (c) =>
      c.primaryKey().references('digital_signature_requests.id').onDelete('cascade'),
    )
    .addColumn('factor', 'varchar(16)', (c) => c.notNull())
    .addColumn('access_code_hash', 'varchar(200)')
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('digital_signature_signer_access')
    .addColumn('signer_id', ID, (c) =>
      c.primaryKey().references('digital_signature_signers.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'varchar(64)')
    .addColumn('code_expires_at', TIME)
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', TIME)
    .addColumn('last_sent_at', TIME)
    .addColumn('proof_hash', 'varchar(64)')
    .addColumn('proof_link_hash', 'varchar(64)')
    .addColumn('proof_expires_at', TIME)
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('digital_signature_alerts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_id', ID, (c) =>
      c.notNull().references('digital_signature_requests.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('digital_signature_alerts_once')
    .on('digital_signature_alerts')
    .columns(['request_id', 'kind', 'subject_key'])
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('digital_signature_alerts').execute();
  await db.schema.dropTable('digital_signature_signer_access').execute();
  await db.schema.dropTable('digital_signature_request_access').execute();
}
