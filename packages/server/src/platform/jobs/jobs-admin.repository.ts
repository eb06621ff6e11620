import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/schema.js';
import type { JobState } from './jobs.tables.js';
import './jobs.tables.js';

/** Reads and control writes behind the jobs admin API and the `signx jobs` CLI. */

export interface QueueSummary {
  name: string;
  paused: boolean;
  counts: Record<JobState, number>;
  oldestQueuedAt: string | null;
}

const states: JobState[] = ['queued', 'running', 'succeeded', 'dead', 'cancelled'];

/** Every queue that has jobs, a pause flag, or a registered job kind, with counts by state. */
export async function listQueues(db: DbOrTrx, knownQueues: string[]): Promise<QueueSummary[]> {
  const counts = await db
    .selectFrom('jobs')
    .select([
      'queue',
      'state',
      sql<number>`count(*)`.as('n'),
      sql<string | null>`min(case when state = 'queued' then run_at end)`.as('oldest'),
    ])
    .groupBy(['queue', 'state'])
    .execute();
  const flags = await db.selectFrom('job_queues').selectAll().execute();
  const names = new Set([...knownQueues, ...counts.map((c) => c.queue), ...flags.map((f) => f.name)]);
  return [...names].sort().map((name) => {
    const rows = counts.filter((c) => c.queue === name);
    const oldest = rows.find((r) => r.state === 'queued')?.oldest ?? null;
    return {
      name,
      paused: flags.some((f) => f.name === name && f.paused === 1),
      counts: Object.fromEntries(
        states.map((s) => [s, Number(rows.find((r) => r.state === s)?.n ?? 0)]),
      ) as Record<JobState, number>,
      oldestQueuedAt: oldest,
    };
  });
}

export interface JobFilter {
  queue?: string | undefined;
  state?: JobState | undefined;
  name?: string | undefined;
  scheduleId?: string | undefined;
}

/** The filtered jobs query; callers paginate it. */
export function jobsQuery(db: DbOrTrx, filter: JobFilter) {
  return db
    .selectFrom('jobs')
    .select([
      'id',
      'name',
      'queue',
      'state',
      'priority',
      'run_at',
      'attempts',
      'max_attempts',
      'idempotency_key',
      'last_error',
      'schedule_id',
      'enqueued_at',
      'started_at',
      'finished_at',
      'updated_at',
      'lease_owner',
      'lease_expires_at',
    ])
    .$if(filter.queue !== undefined, (q) => q.where('queue', '=', filter.queue ?? ''))
    .$if(filter.state !== undefined, (q) => q.where('state', '=', filter.state ?? 'queued'))
    .$if(filter.name !== undefined, (q) => q.where('name', '=', filter.name ?? ''))
    .$if(filter.scheduleId !== undefined, (q) => q.where('schedule_id', '=', filter.scheduleId ?? ''));
}

export async function findJob(db: DbOrTrx, id: string) {
  return jobsQuery(db, {}).where('id', '=', id).executeTakeFirst();
}

export async function jobAttempts(db: DbOrTrx, id: string) {
  return db
    .selectFrom('job_attempts')
    .selectAll()
    .where('job_id', '=', id)
    .orderBy('attempt')
    .orderBy('finished_at')
    .execute();
}

/** Puts a dead or cancelled job back in the queue with a fresh set of attempts. */
export async function requeueJob(trx: Trx, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('jobs')
    .set({
      state: 'queued',
      attempts: 0,
      run_at: now,
      finished_at: null,
      dispatched_at: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('state', 'in', ['dead', 'cancelled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Cancels a waiting or running job; a running handler sees its signal aborted at the next heartbeat. */
export async function cancelJob(trx: Trx, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: now, lease_owner: null, lease_expires_at: null, updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setQueuePaused(trx: Trx, name: string, paused: boolean, now: string): Promise<void> {
  await trx
    .insertInto('job_queues')
    .values({ name, paused: paused ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ paused: paused ? 1 : 0, updated_at: now }))
    .execute();
}

export async function listSchedules(db: DbOrTrx) {
  return db.selectFrom('job_schedules').selectAll().orderBy('name').execute();
}

export async function findSchedule(db: DbOrTrx, id: string) {
  return db.selectFrom('job_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSchedulePaused(trx: Trx, id: string, paused: boolean, now: string): Promise<void> {
  await trx
    .updateTable('job_schedules')
    .set({ paused: paused ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Recent fires of a schedule, newest first (what ran, what overlap skipped). */
export async function scheduleFires(db: DbOrTrx, id: string, limit = 20) {
  return db
    .selectFrom('job_schedule_fires')
    .selectAll()
    .where('schedule_id', '=', id)
    .orderBy('fire_time', 'desc')
    .limit(limit)
    .execute();
}
