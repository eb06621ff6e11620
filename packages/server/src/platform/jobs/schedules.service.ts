import { sql } from 'kysely';
import type { Db, Dialect, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { JobDefinition } from './job-definition.js';
import { enqueueRow } from './job-enqueue.js';
import type { JobSchedulesTable } from './jobs.tables.js';
import { planDueFires } from './schedule-timing.js';

export interface ScheduleEnv {
  db: Db;
  dialect: Dialect;
  // biome-ignore lint/suspicious/noExplicitAny: any payload type
  definitions: Map<string, JobDefinition<any>>;
  /** Called after a transaction enqueued jobs (wakes the local worker / the relay). */
  onEnqueued: () => void;
}

type ScheduleRow = JobSchedulesTable;

/** Fires every due schedule; safe to run in several processes at once. */
export async function tickSchedules(env: ScheduleEnv, now: Date): Promise<void> {
  const iso = now.toISOString();
  const rows = await env.db
    .selectFrom('job_schedules')
    .select('id')
    .where('paused', '=', 0)
    .where((eb) =>
      eb.or([
        eb('next_fire_at', '<=', iso),
        eb('pending_fire_at', 'is not', null),
        eb.and([eb('kind', '=', 'fixed-delay'), eb('next_fire_at', 'is', null)]),
      ]),
    )
    .execute();
  for (const row of rows) await fireSchedule(env, row.id, now);
}

/**
 * Handles one schedule in a transaction holding its row: runs a waiting queue-one fire,
 * re-arms a fixed-delay schedule whose run ended, and fires due times by the misfire and
 * overlap policies. Each fire inserts its (schedule, fire time) record first; a conflict
 * means another process already fired it.
 */
export async function fireSchedule(env: ScheduleEnv, id: string, now: Date): Promise<void> {
  let enqueued = false;
  await inTransaction(env.db, async (trx) => {
    const row = await trx
      .selectFrom('job_schedules')
      .selectAll()
      .where('id', '=', id)
      .$if(env.dialect === 'postgres', (q) => q.forUpdate().skipLocked())
      .executeTakeFirst();
    if (!row || row.paused === 1 || !env.definitions.has(row.job_name)) return;
    const active = await activeJobs(trx, id);
    const iso = now.toISOString();
    enqueued = await runPendingFire(env, trx, row, active, now);
    if (row.kind === 'fixed-delay' && row.next_fire_at === null && active.queued + active.running === 0) {
      const next = new Date(now.getTime() + Number(row.interval_ms)).toISOString();
      await trx
        .updateTable('job_schedules')
        .set({ next_fire_at: next, updated_at: iso })
        .where('id', '=', id)
        .execute();
      return;
    }
    if (row.next_fire_at === null || row.next_fire_at > iso) return;
    const plan = planDueFires(row, new Date(row.next_fire_at), now);
    for (const fire of plan.fires) {
      const outcome = await applyOverlap(env, trx, row, fire, now, active);
      enqueued = outcome || enqueued;
    }
    await trx
      .updateTable('job_schedules')
      .set({
        next_fire_at: plan.next?.toISOString() ?? null,
        last_fire_at: plan.fires.at(-1)?.toISOString() ?? row.last_fire_at,
        updated_at: iso,
      })
      .where('id', '=', id)
      .execute();
  });
  if (enqueued) env.onEnqueued();
}

/** queue-one: the fire that waited for the previous run starts once nothing runs. */
async function runPendingFire(
  env: ScheduleEnv,
  trx: Trx,
  row: ScheduleRow,
  active: Active,
  now: Date,
): Promise<boolean> {
  if (!row.pending_fire_at || active.running > 0) return false;
  const isNew = await enqueueFire(env, trx, row, new Date(row.pending_fire_at), now, 'pending');
  await trx
    .updateTable('job_schedules')
    .set({ pending_fire_at: null, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  row.pending_fire_at = null;
  active.queued += 1;
  return isNew;
}

interface Active {
  queued: number;
  running: number;
}

async function activeJobs(trx: Trx, scheduleId: string): Promise<Active> {
  const rows = await trx
    .selectFrom('jobs')
    .select(['state', sql<number>`count(*)`.as('n')])
    .where('schedule_id', '=', scheduleId)
    .where('state', 'in', ['queued', 'running'])
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { queued: count('queued'), running: count('running') };
}

async function applyOverlap(
  env: ScheduleEnv,
  trx: Trx,
  row: ScheduleRow,
  fire: Date,
  now: Date,
  active: Active,
): Promise<boolean> {
  const busy = active.queued + active.running > 0;
  if (row.overlap === 'allow' || !busy) {
    const isNew = await enqueueFire(env, trx, row, fire, now, 'enqueued');
    if (isNew) active.queued += 1;
    return isNew;
  }
  const waitBehind = row.overlap === 'queue-one' && active.queued === 0 && row.pending_fire_at === null;
  if (!(await recordFire(trx, row.id, fire, null, waitBehind ? 'queued-behind' : 'skipped-overlap', now)))
    return false;
  if (waitBehind) {
    row.pending_fire_at = fire.toISOString();
    await trx
      .updateTable('job_schedules')
      .set({ pending_fire_at: row.pending_fire_at })
      .where('id', '=', row.id)
      .execute();
  }
  return false;
}

/** Inserts the fire record then the job; returns false when this fire time was already handled. */
export async function enqueueFire(
  env: ScheduleEnv,
  trx: Trx,
  row: ScheduleRow,
  fire: Date,
  now: Date,
  outcome: 'enqueued' | 'manual' | 'pending',
): Promise<boolean> {
  const def = env.definitions.get(row.job_name);
  if (!def) return false;
  const fireTime = fire.toISOString();
  if (outcome !== 'pending' && !(await recordFire(trx, row.id, fire, null, outcome, now))) return false;
  const payload = JSON.parse(row.payload) as unknown;
  const { id } = await enqueueRow(
    trx,
    def,
    payload,
    { scheduleId: row.id, idempotencyKey: `schedule:${row.id}:${fireTime}` },
    now,
  );
  await trx
    .updateTable('job_schedule_fires')
    .set({ job_id: id, ...(outcome === 'pending' ? { outcome: 'enqueued' as const } : {}) })
    .where('schedule_id', '=', row.id)
    .where('fire_time', '=', fireTime)
    .execute();
  return true;
}

async function recordFire(
  trx: Trx,
  scheduleId: string,
  fire: Date,
  jobId: string | null,
  outcome: 'enqueued' | 'manual' | 'skipped-overlap' | 'queued-behind',
  now: Date,
): Promise<boolean> {
  const result = await trx
    .insertInto('job_schedule_fires')
    .values({
      schedule_id: scheduleId,
      fire_time: fire.toISOString(),
      job_id: jobId,
      outcome,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
