import type { MigrationDb } from './migration-kit.js';

/**
 * One entity's events in chain order (`eventsOfEntity`: entity type and id, chain, by seq),
 * read on every signature verification. With only (entity_type, entity_id) SQLite's planner
 * took the (chain, seq) unique index instead, to skip the sort, and so walked the whole chain
 * for every verification (1,000/s at a thousand events, slower as the log grows). With
 * (entity_type, entity_id, chain, seq) the index answers the filter and the order at once. It
 * replaces the (entity_type, entity_id) index, whose every use it covers.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('audit_events_entity_seq_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id', 'chain', 'seq'])
    .execute();
  await db.schema.dropIndex('audit_events_entity_idx').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.dropIndex('audit_events_entity_seq_idx').execute();
}
