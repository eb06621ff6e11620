import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Identity: WebAuthn passkeys and their server-side challenges. A passkey is a credential
 * of one user (public key, signature counter, transports); a challenge is single-use, short
 * lived and bound to the user's session. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('identity_passkeys')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    // base64url credential id as the authenticator reports it (at most 1023 bytes raw)
    .addColumn('credential_id', 'varchar(1400)', (c) => c.notNull().unique())
    // base64url COSE public key
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('aaguid', 'varchar(36)', (c) => c.notNull())
    .addColumn('device_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('backed_up', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_used_at', TIME)
    .addColumn('revoked_at', TIME)
    .execute();
  await db.schema
    .createIndex('identity_passkeys_user_idx')
    .on('identity_passkeys')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('identity_passkey_challenges')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('session_id', ID)
    // 'registration' or 'authentication'
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('challenge', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
  await db.schema
    .createIndex('identity_passkey_challenges_expires_idx')
    .on('identity_passkey_challenges')
    .column('expires_at')
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('identity_passkey_challenges').execute();
  await db.schema.dropTable('identity_passkeys').execute();
}
