import { sql } from 'kysely';
import type { MigrationDb } from './migration-kit.js';

/**
 * Behaviour analysis (records `recentSuccesses`) reads a signer's last 200 successful
 * ceremonies on every signature, by client IP and hour. Through (user_id, attempt_time) each
 * of those rows was a table lookup to test the result and read the IP. This partial index
 * holds successes only, with the IP, so the read is an index-only scan of 200 entries.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('records_auth_log_success_idx')
    .on('records_auth_log')
    .columns(['user_id', 'attempt_time', 'ip_address'])
    .where(sql<boolean>`authentication_result = 'success'`)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('records_auth_log_success_idx').execute();
}
