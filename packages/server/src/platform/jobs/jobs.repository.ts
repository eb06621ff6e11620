import type { ExpressionBuilder } from 'kysely';
import { runCompiled } from '../db/compiled-once.js';
import { newId } from '../db/ids.js';
import type { Db, DbOrTrx, Dialect, Tables } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { JobsTable } from './jobs.tables.js';
import './jobs.tables.js';

export type JobRow = JobsTable;

/** Filter for jobs whose queue is not paused: what both the claimer and the outbox must skip. */
export function queueNotPaused(eb: ExpressionBuilder<Tables, 'jobs'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('job_queues as q')
        .select('q.name')
        .whereRef('q.name', '=', 'jobs.queue')
        .where('q.paused', '=', 1),
    ),
  );
}

const jobColumns = [
  'id',
  'name',
  'queue',
  'payload',
  'state',
  'priority',
  'run_at',
  'attempts',
  'max_attempts',
  'idempotency_key',
  'lease_owner',
  'lease_expires_at',
  'last_error',
  'schedule_id',
  'dispatched_at',
  'enqueued_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const satisfies readonly (keyof JobRow)[];
/** Every column of a job row is in jobColumns (a new column fails to compile until listed). */
const allJobColumns: Exclude<keyof JobRow, (typeof jobColumns)[number]> extends never ? true : never = true;
void allJobColumns;

/**
 * A run of the job that is queued and due but not claimed yet, if any: enqueuing another
 * would add nothing (the one waiting will see whatever the caller's transaction writes).
 * On PostgreSQL the row is share-locked until the caller commits, so a worker's claim (FOR
 * UPDATE SKIP LOCKED) cannot take it and start before the caller's writes are visible; a row
 * another transaction is claiming right now is skipped, and the caller enqueues a new run.
 * SQLite serializes writers, so no claim can happen while the caller's transaction is open.
 */
export async function dueQueuedJob(
  db: DbOrTrx,
  dialect: Dialect,
  name: string,
  now: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('jobs')
    .select('id')
    .where('name', '=', name)
    .where('state', '=', 'queued')
    .where('run_at', '<=', now)
    .limit(1);
  if (dialect === 'postgres') query = query.forShare().skipLocked();
  return (await query.executeTakeFirst())?.id;
}

/** Inserts a queued job; with an idempotency key already used by this job name, returns that job instead. */
export async function insertJob(db: DbOrTrx, row: JobRow): Promise<{ id: string; isNew: boolean }> {
  // Compiled once (every enqueue writes one): the row's columns in a fixed order.
  if (jobColumns.some((c) => row[c] === undefined)) return insertJobBuilt(db, row);
  const result = await runCompiled(
    db,
    'jobs.insertJob',
    (...slots) =>
      db
        .insertInto('jobs')
        .values(Object.fromEntries(jobColumns.map((c, i) => [c, slots[i]])) as unknown as JobRow)
        .onConflict((oc) => oc.doNothing()),
    jobColumns.map((c) => row[c]),
  );
  if (Number(result.numAffectedRows ?? 0) > 0) return { id: row.id, isNew: true };
  return existingJob(db, row);
}

async function insertJobBuilt(db: DbOrTrx, row: JobRow): Promise<{ id: string; isNew: boolean }> {
  const result = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { id: row.id, isNew: true };
  return existingJob(db, row);
}

async function existingJob(db: DbOrTrx, row: JobRow): Promise<{ id: string; isNew: boolean }> {
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('name', '=', row.name)
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, isNew: false };
}

export { type ClaimRequest, claimDue } from './claim.repository.js';

/** Marks a job done, only if this worker still holds its lease (a reclaimed job is not ours any more). */
export async function completeJob(db: DbOrTrx, id: string, worker: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'succeeded', finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('lease_owner', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** completeJob for many jobs in one transaction; returns the ids this worker still held. */
export async function completeJobs(
  db: Db,
  dialect: Dialect,
  ids: string[],
  worker: string,
  now: string,
): Promise<Set<string>> {
  return inTransaction(db, async (trx) => {
    const owned = await trx
      .selectFrom('jobs')
      .select('id')
      .where('id', 'in', ids)
      .where('state', '=', 'running')
      .where('lease_owner', '=', worker)
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .execute();
    const done = owned.map((r) => r.id);
    if (done.length > 0) {
      await trx
        .updateTable('jobs')
        .set({
          state: 'succeeded',
          finished_at: now,
          updated_at: now,
          lease_owner: null,
          lease_expires_at: null,
        })
        .where('id', 'in', done)
        .where('state', '=', 'running')
        .where('lease_owner', '=', worker)
        .execute();
    }
    return new Set(done);
  });
}

export interface FailedAttempt {
  job: JobRow;
  worker: string;
  now: string;
  outcome: 'failed' | 'timeout' | 'lease_lost';
  error: string;
  /** When to run again; null sends the job to the dead letters. */
  retryAt: string | null;
}

/** Records a failed attempt and either schedules the retry or dead-letters the job. */
export async function failJob(db: Db, failure: FailedAttempt, fenceOwner = true): Promise<boolean> {
  const { job, now } = failure;
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('jobs')
      .set({
        state: failure.retryAt ? 'queued' : 'dead',
        run_at: failure.retryAt ?? job.run_at,
        finished_at: failure.retryAt ? null : now,
        last_error: failure.error.slice(0, 4000),
        lease_owner: null,
        lease_expires_at: null,
        dispatched_at: null,
        updated_at: now,
      })
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .$if(fenceOwner, (q) => q.where('lease_owner', '=', failure.worker))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('job_attempts')
      .values({
        id: newId(),
        job_id: job.id,
        attempt: job.attempts,
        worker: job.lease_owner ?? failure.worker,
        started_at: job.started_at ?? now,
        finished_at: now,
        outcome: failure.outcome,
        error: failure.error.slice(0, 4000),
      })
      .execute();
    return true;
  });
}
