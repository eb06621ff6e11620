import { ID, type MigrationDb, TIME } from './migration-kit.js';

/** Platform tables: per-year counters, idempotency records, and key/value platform state. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['name', 'year'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('scope', 'varchar(200)', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('idempotency_keys_scope_key_uq', ['scope', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expires_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('platform_state')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('platform_state').execute();
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('counters').execute();
}
