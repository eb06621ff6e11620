import type { Db, DbOrTrx } from '../db/schema.js';
import type { JobRow } from './jobs.repository.js';

/** Lease upkeep: heartbeats, finding dead workers' jobs, and handing jobs back at shutdown. */

/** Extends the leases this worker holds; returns the ids it still owns (others were reclaimed or cancelled). */
export async function heartbeat(
  db: Db,
  ids: string[],
  worker: string,
  expiresAt: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  await db
    .updateTable('jobs')
    .set({ lease_expires_at: expiresAt })
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('lease_owner', '=', worker)
    .execute();
  const owned = await db
    .selectFrom('jobs')
    .select('id')
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('lease_owner', '=', worker)
    .execute();
  return new Set(owned.map((r) => r.id));
}

/** Jobs whose worker stopped renewing its lease (crash, kill -9, lost node). */
export async function expiredLeases(db: DbOrTrx, now: string, limit = 100): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'running')
    .where('lease_expires_at', '<', now)
    .orderBy('lease_expires_at')
    .limit(limit)
    .execute();
}

/** Hands jobs still running at shutdown back to the queue; the interrupted attempt does not count. */
export async function releaseJobs(db: Db, ids: string[], worker: string, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'queued',
      run_at: now,
      attempts: eb('attempts', '-', 1),
      lease_owner: null,
      lease_expires_at: null,
      dispatched_at: null,
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('lease_owner', '=', worker)
    .execute();
}
