import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Inbound callbacks (docs/integration.md, "Inbound callbacks"): the credentials external
 * systems sign their calls with, and the request ids seen inside the replay window.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('inbound_credentials')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('key_id', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('owner_id', ID, (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', TIME)
    .addColumn('ip_allow_list', 'text', (c) => c.notNull())
    .addColumn('operations', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('revoked_at', TIME)
    .addColumn('last_used_at', TIME)
    .addColumn('last_used_ip', 'varchar(64)')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('inbound_nonces')
    .addColumn('credential_id', ID, (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_nonces_pk', ['credential_id', 'request_id'])
    .execute();
  await db.schema
    .createIndex('inbound_nonces_expiry_idx')
    .on('inbound_nonces')
    .columns(['expires_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('inbound_nonces').execute();
  await db.schema.dropTable('inbound_credentials').execute();
}
