import { sql } from 'kysely';
import type { MigrationDb } from './migration-kit.js';

/**
 * The queued, due runs of one job by name (JobRuntime.ensureQueued: "is a run already
 * waiting?", asked by every webhooks emit). Partial: only queued rows, however long the job
 * history grows. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('jobs_queued_name_idx')
    .on('jobs')
    .columns(['name', 'run_at'])
    .where(sql<boolean>`state = 'queued'`)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('jobs_queued_name_idx').execute();
}
