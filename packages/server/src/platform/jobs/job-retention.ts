import type { Db } from '../db/schema.js';

/** How often a process purges, and how many rows one purge statement removes at most. */
export const purgeEveryMs = 10 * 60_000;
const batch = 1000;

/**
 * Deletes succeeded and cancelled jobs (their attempts go with them) and schedule fires
 * older than the retention period, in small batches so a big backlog never holds a long
 * write lock. Dead letters are kept until an operator retries them. Purging old fire
 * records is safe: a schedule's next fire time only moves forward, so it never meets them.
 */
export async function purgeFinishedJobs(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let removed = 0;
  for (let round = 0; round < 20; round += 1) {
    const result = await db
      .deleteFrom('jobs')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('state', 'in', ['succeeded', 'cancelled'])
          .where('finished_at', '<', before)
          .limit(batch),
      )
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    removed += count;
    if (count < batch) break;
  }
  await db.deleteFrom('job_schedule_fires').where('created_at', '<', before).execute();
  return removed;
}
