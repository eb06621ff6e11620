import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Outbound webhooks (docs/integration.md): endpoints, the event outbox written in the
 * business transaction, one delivery per (endpoint, event) and every attempt of it.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('owner_id', ID, (c) => c.notNull())
    .addColumn('url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)')
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', TIME)
    .addColumn('failing_since', TIME)
    .addColumn('disabled_reason', 'varchar(500)')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_owner_idx')
    .on('webhook_endpoints')
    .columns(['owner_id'])
    .execute();
  await db.schema
    .createTable('webhook_events')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('resource_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('fanned_out', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_events_time_idx')
    .on('webhook_events')
    .columns(['created_at'])
    .execute();
  await db.schema
    .createIndex('webhook_events_resource_idx')
    .on('webhook_events')
    .columns(['resource_type', 'resource_id', 'fanned_out'])
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('endpoint_id', ID, (c) => c.notNull())
    .addColumn('event_id', ID, (c) => c.notNull())
    .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('lane', 'varchar(160)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', TIME)
    .addColumn('claimed_at', TIME)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('completed_at', TIME)
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_lane_idx')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'lane', 'status', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint_idx')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('delivery_id', ID, (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('request_headers', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_excerpt', 'varchar(2048)')
    .addColumn('error', 'varchar(500)')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery_idx')
    .on('webhook_attempts')
    .columns(['delivery_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhook_events', 'webhook_endpoints']) {
    await db.schema.dropTable(table).execute();
  }
}
