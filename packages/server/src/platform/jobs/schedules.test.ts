import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/job-harness.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { manualClock } from '../db/clock.js';
import { inTransaction } from '../db/transaction.js';
import { defineJob, defineSchedule, type ScheduleDefinition } from './index.js';
import type { ManagedJobRuntime } from './job-runtime.js';

let database: TestDatabase;
let runtime: ManagedJobRuntime;
const clock = manualClock();
const runs: string[] = [];

const tick = defineJob({
  name: 'test.tick',
  payload: Type.Object({ label: Type.String() }),
  async handler(payload, run) {
    runs.push(`${payload.label}@${clock.now().toISOString()}#${run.jobId}`);
  },
});

function useSchedule(def: Omit<ScheduleDefinition, 'job' | 'name' | 'payload'>, start: string) {
  clock.set(start);
  runtime.registerSchedule(
    defineSchedule({ name: 'test-schedule', job: tick, payload: { label: 's' }, ...def }),
  );
}

const schedule = () =>
  database.db
    .selectFrom('job_schedules')
    .selectAll()
    .where('name', '=', 'test-schedule')
    .executeTakeFirstOrThrow();
const fires = async () =>
  (await database.db.selectFrom('job_schedule_fires').selectAll().orderBy('fire_time').execute()).map((f) => [
    f.fire_time,
    f.outcome,
  ]);

/** An always-on process: wake exactly at each next fire time until `end`. */
async function runOnTimeUntil(end: string) {
  await runtime.drain();
  for (;;) {
    const next = (await schedule()).next_fire_at;
    if (!next || next > end) return;
    clock.set(next);
    await runtime.drain();
  }
}

beforeEach(async () => {
  database = await createTestDatabase();
  runs.length = 0;
  runtime = createTestRuntime(database, clock);
  runtime.register(tick);
});

afterEach(async () => {
  await runtime.stop(100);
  await database.destroy();
});

describe('cron across daylight-saving changes', () => {
  it('keeps 02:30 New York daily through spring forward (the missing 02:30 fires at 03:30 EDT)', async () => {
    useSchedule(
      { cron: '30 2 * * *', timeZone: 'America/New_York', misfire: 'skip' },
      '2026-03-06T12:00:00.000Z',
    );
    await runOnTimeUntil('2026-03-10T12:00:00.000Z');
    expect((await fires()).map(([t]) => t)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
    expect(runs).toHaveLength(4);
  });

  it('fires 01:30 New York once on the fall-back night, and keeps 09:00 Berlin local', async () => {
    useSchedule(
      { cron: '30 1 * * *', timeZone: 'America/New_York', misfire: 'skip' },
      '2026-10-30T12:00:00.000Z',
    );
    await runOnTimeUntil('2026-11-02T12:00:00.000Z');
    expect((await fires()).map(([t]) => t)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
    await database.db
      .updateTable('job_schedules')
      .set({ cron: '0 0 9 * * *', time_zone: 'Europe/Berlin', next_fire_at: '2026-03-28T08:00:00.000Z' })
      .execute();
    await database.db.deleteFrom('job_schedule_fires').execute();
    clock.set('2026-03-28T00:00:00.000Z');
    await runOnTimeUntil('2026-03-31T00:00:00.000Z');
    expect((await fires()).map(([t]) => t)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });
});

describe('misfire policies after an hour down', () => {
  async function downForAnHour() {
    await runtime.drain();
    clock.set('2026-05-01T12:10:00.000Z');
    await runtime.drain();
    expect(runs).toHaveLength(1);
    clock.set('2026-05-01T13:15:00.000Z');
    await runtime.drain();
  }

  it('skip: runs none of the missed fires and waits for the next one', async () => {
    useSchedule({ cron: '*/10 * * * *', misfire: 'skip' }, '2026-05-01T12:00:00.000Z');
    await downForAnHour();
    expect(runs).toHaveLength(1);
    expect((await schedule()).next_fire_at).toBe('2026-05-01T13:20:00.000Z');
  });

  it('fire-once: runs one job for the latest missed fire', async () => {
    useSchedule({ cron: '*/10 * * * *', misfire: 'fire-once' }, '2026-05-01T12:00:00.000Z');
    await downForAnHour();
    expect(runs).toHaveLength(2);
    expect(await fires()).toEqual([
      ['2026-05-01T12:10:00.000Z', 'enqueued'],
      ['2026-05-01T13:10:00.000Z', 'enqueued'],
    ]);
  });

  it('catch-up: runs every missed fire within the window, oldest first', async () => {
    useSchedule(
      { cron: '*/10 * * * *', misfire: 'catch-up', catchUpWindowMs: 30 * 60_000, overlap: 'allow' },
      '2026-05-01T12:00:00.000Z',
    );
    await downForAnHour();
    expect((await fires()).map(([t]) => t)).toEqual([
      '2026-05-01T12:10:00.000Z',
      '2026-05-01T12:50:00.000Z',
      '2026-05-01T13:00:00.000Z',
      '2026-05-01T13:10:00.000Z',
    ]);
    expect(runs).toHaveLength(4);
    expect((await schedule()).next_fire_at).toBe('2026-05-01T13:20:00.000Z');
  });
});

describe('overlap policies', () => {
  async function fireWhileRunning() {
    await runtime.drain();
    await database.db
      .insertInto('job_queues')
      .values({ name: 'default', paused: 1, updated_at: clock.now().toISOString() })
      .execute();
    clock.set('2026-05-01T12:01:00.000Z');
    await runtime.drain();
    await database.db
      .updateTable('jobs')
      .set({ state: 'running', lease_owner: 'other', lease_expires_at: '2030-01-01T00:00:00.000Z' })
      .execute();
    for (const at of ['2026-05-01T12:02:00.000Z', '2026-05-01T12:03:00.000Z']) {
      clock.set(at);
      await runtime.drain();
    }
  }

  it('skip: records the fires it skipped and enqueues nothing more', async () => {
    useSchedule({ cron: '* * * * *', overlap: 'skip' }, '2026-05-01T12:00:00.000Z');
    await fireWhileRunning();
    expect(await fires()).toEqual([
      ['2026-05-01T12:01:00.000Z', 'enqueued'],
      ['2026-05-01T12:02:00.000Z', 'skipped-overlap'],
      ['2026-05-01T12:03:00.000Z', 'skipped-overlap'],
    ]);
    expect(await database.db.selectFrom('jobs').selectAll().execute()).toHaveLength(1);
  });

  it('queue-one: keeps one fire waiting and starts it when the running job ends', async () => {
    useSchedule({ cron: '* * * * *', overlap: 'queue-one' }, '2026-05-01T12:00:00.000Z');
    await fireWhileRunning();
    expect((await schedule()).pending_fire_at).toBe('2026-05-01T12:02:00.000Z');
    expect(await database.db.selectFrom('jobs').selectAll().execute()).toHaveLength(1);
    await database.db.updateTable('jobs').set({ state: 'succeeded', lease_owner: null }).execute();
    await database.db.updateTable('job_queues').set({ paused: 0 }).execute();
    await runtime.drain();
    expect(await fires()).toEqual([
      ['2026-05-01T12:01:00.000Z', 'enqueued'],
      ['2026-05-01T12:02:00.000Z', 'enqueued'],
      ['2026-05-01T12:03:00.000Z', 'skipped-overlap'],
    ]);
    expect(runs).toHaveLength(1);
    expect((await schedule()).pending_fire_at).toBeNull();
  });

  it('allow: enqueues every fire', async () => {
    useSchedule({ cron: '* * * * *', overlap: 'allow' }, '2026-05-01T12:00:00.000Z');
    await fireWhileRunning();
    expect((await fires()).map(([, o]) => o)).toEqual(['enqueued', 'enqueued', 'enqueued']);
    expect(await database.db.selectFrom('jobs').selectAll().execute()).toHaveLength(3);
  });
});

describe('schedule control', () => {
  it('fires a due time exactly once when two processes tick together', async () => {
    const other = database.reopen();
    const second = createTestRuntime(other, clock);
    second.register(tick);
    useSchedule({ everyMs: 60_000 }, '2026-05-01T12:00:00.000Z');
    second.registerSchedule(
      defineSchedule({ name: 'test-schedule', job: tick, payload: { label: 's' }, everyMs: 60_000 }),
    );
    await Promise.all([runtime.drain(), second.drain()]);
    for (let i = 1; i <= 5; i += 1) {
      clock.set(new Date(Date.parse('2026-05-01T12:00:00.000Z') + i * 60_000));
      await Promise.all([runtime.drain(), second.drain()]);
    }
    expect(await fires()).toHaveLength(5);
    expect(runs).toHaveLength(5);
    await other.destroy();
  });

  it('fixed-delay counts from the end of the previous run', async () => {
    const slow = defineJob({
      name: 'test.slow',
      payload: Type.Object({}),
      async handler() {
        clock.advance(5000);
      },
    });
    runtime.register(slow);
    clock.set('2026-05-01T12:00:00.000Z');
    runtime.registerSchedule(
      defineSchedule({ name: 'test-schedule', job: slow, everyMs: 60_000, mode: 'fixed-delay' }),
    );
    await runtime.drain();
    expect((await schedule()).next_fire_at).toBe('2026-05-01T12:01:00.000Z');
    clock.set('2026-05-01T12:01:00.000Z');
    await runtime.drain();
    expect((await schedule()).next_fire_at).toBe('2026-05-01T12:02:05.000Z');
  });

  it('does not fire while paused, and trigger runs it now regardless', async () => {
    useSchedule({ cron: '* * * * *' }, '2026-05-01T12:00:00.000Z');
    await runtime.drain();
    await database.db.updateTable('job_schedules').set({ paused: 1 }).execute();
    clock.set('2026-05-01T12:05:00.000Z');
    await runtime.drain();
    expect(runs).toEqual([]);
    const { id } = await schedule();
    const jobId = await inTransaction(database.db, (trx) => runtime.triggerSchedule(trx, id));
    await runtime.drain();
    expect(runs).toEqual([`s@2026-05-01T12:05:00.000Z#${jobId}`]);
    expect(await fires()).toEqual([['2026-05-01T12:05:00.000Z', 'manual']]);
  });
});
