import type { Db } from '../db/schema.js';
import type { JobMetrics } from './job-metrics.js';
import { failJob } from './jobs.repository.js';
import { expiredLeases } from './jobs-lease.repository.js';

/**
 * Returns jobs whose worker died (no heartbeat until the lease ran out) to the queue at
 * once, counting the lost attempt; a job that used its last attempt goes to the dead
 * letters instead of running forever. The owner fence makes concurrent reclaimers harmless.
 */
export async function reclaimExpired(db: Db, now: Date, metrics: JobMetrics): Promise<number> {
  const iso = now.toISOString();
  let reclaimed = 0;
  for (const job of await expiredLeases(db, iso)) {
    const isLast = job.attempts >= job.max_attempts;
    const recorded = await failJob(db, {
      job,
      worker: job.lease_owner ?? '',
      now: iso,
      outcome: 'lease_lost',
      error: `worker ${job.lease_owner ?? '?'} stopped renewing its lease`,
      retryAt: isLast ? null : iso,
    });
    if (!recorded) continue;
    reclaimed += 1;
    metrics.failures.inc({ job: job.name, outcome: 'lease_lost' });
    if (isLast) metrics.deadLetters.inc({ job: job.name });
  }
  return reclaimed;
}
