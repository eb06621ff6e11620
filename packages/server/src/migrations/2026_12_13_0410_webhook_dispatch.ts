import { sql } from 'kysely';
import type { MigrationDb } from './migration-kit.js';

/**
 * Indexes of the batched webhook dispatcher (docs/integration.md, "Throughput"): the
 * outbox's not-yet-fanned-out events in emit order, and each endpoint's open deliveries in
 * event order (partial indexes: a dispatcher pass reads only pending work, never the
 * delivery history, however long it grows). Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('webhook_events_unfanned_idx')
    .on('webhook_events')
    .columns(['id'])
    .where(sql<boolean>`fanned_out = 0`)
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_open_idx')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'event_id'])
    .where(sql<boolean>`status in ('pending', 'sending', 'retrying')`)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_open_idx').execute();
  await db.schema.dropIndex('webhook_events_unfanned_idx').execute();
}
