import type { Db } from '../db/schema.js';
import { type JobRow, queueNotPaused } from './jobs.repository.js';

/**
 * Queued jobs Redis has to be told about: never dispatched, or dispatched long ago and
 * still not started (Redis was flushed or restarted without persistence). Paused queues
 * are held back until resumed.
 */
export async function dispatchable(
  db: Db,
  now: Date,
  redispatchAfterMs: number,
  limit: number,
): Promise<JobRow[]> {
  const stale = new Date(now.getTime() - redispatchAfterMs).toISOString();
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'queued')
    .where((eb) =>
      eb.or([
        eb('dispatched_at', 'is', null),
        eb.and([eb('dispatched_at', '<', stale), eb('run_at', '<', stale)]),
      ]),
    )
    .where(queueNotPaused)
    .orderBy('run_at')
    .limit(limit)
    .execute();
}

export async function markDispatched(db: Db, ids: string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ dispatched_at: now })
    .where('id', 'in', ids)
    .where('state', '=', 'queued')
    .execute();
}

/** A delivered job that could not be claimed (paused queue): the relay sends it again later. */
export async function undispatch(db: Db, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ dispatched_at: null })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .execute();
}

/** Whether any job of these kinds is due or running (drain of the bullmq driver). */
export async function hasDueWork(
  env: { db: Db; definitions: Map<string, unknown> },
  now: Date,
): Promise<boolean> {
  const iso = now.toISOString();
  const row = await env.db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', iso)]), eb('state', '=', 'running')]),
    )
    .where('name', 'in', [...env.definitions.keys()])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
