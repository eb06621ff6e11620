import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * The keys module: managed keys (a file key wrapped with the keyring, or a key inside a
 * PKCS#11 token, named by its CKA_ID) and the organisation certificates issued for them.
 * A rotation links the old certificate to its successor; both rows stay, so old signatures
 * keep validating. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('keys_managed_keys')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('storage', 'varchar(16)', (c) => c.notNull())
    .addColumn('algorithm', 'varchar(16)', (c) => c.notNull())
    .addColumn('spki', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text')
    .addColumn('token_label', 'varchar(64)')
    .addColumn('token_object_id', 'varchar(64)')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('keys_org_certificates')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('key_id', ID, (c) => c.notNull().references('keys_managed_keys.id'))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('legal_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('serial', 'varchar(80)', (c) => c.notNull())
    .addColumn('not_before', TIME, (c) => c.notNull())
    .addColumn('not_after', TIME, (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('predecessor_id', ID)
    .addColumn('successor_id', ID)
    .addColumn('revoked_at', TIME)
    .addColumn('revocation_reason', 'varchar(32)')
    .addColumn('expiry_warned_at', TIME)
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('keys_org_certificates_serial_uq', ['issuer', 'serial'])
    .execute();
  await db.schema
    .createIndex('keys_org_certificates_state_idx')
    .on('keys_org_certificates')
    .columns(['state', 'not_after', 'id'])
    .execute();
  await db.schema
    .createIndex('keys_org_certificates_uscc_idx')
    .on('keys_org_certificates')
    .columns(['uscc', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('keys_org_certificates').execute();
  await db.schema.dropTable('keys_managed_keys').execute();
}
