import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { createTestRuntime, eventually } from '../../../test/job-harness.js';
import { useJobTestBed } from '../../../test/job-test-bed.js';
import { testDialect, testPostgresUrl } from '../../../test/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { defineJob } from './index.js';

const bed = useJobTestBed();
const { clock, seen, echo, jobRow } = bed;

describe('enqueue', () => {
  it('runs a job enqueued in a committed transaction, once', async () => {
    const { id, isNew } = await inTransaction(bed.database.db, (trx) =>
      bed.runtime.enqueue(trx, echo, { text: 'hello' }),
    );
    expect(isNew).toBe(true);
    expect((await jobRow(id)).state).toBe('queued');
    await bed.runtime.drain();
    await bed.runtime.drain();
    expect(seen).toEqual(['hello']);
    const row = await jobRow(id);
    expect(row).toMatchObject({ state: 'succeeded', attempts: 1, lease_owner: null });
    expect(row.finished_at).toBe(clock.now().toISOString());
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    await expect(
      inTransaction(bed.database.db, async (trx) => {
        await bed.runtime.enqueue(trx, echo, { text: 'never' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await bed.runtime.drain();
    expect(seen).toEqual([]);
    expect(await bed.database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('refuses a bad payload with VALIDATION and stores nothing', async () => {
    const bad = { text: 42 } as unknown as { text: string };
    await expect(bed.runtime.enqueue(bed.database.db, echo, bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [expect.objectContaining({ field: 'text' })],
    });
    await expect(
      bed.runtime.enqueue(bed.database.db, echo, { text: 'x', extra: 1 } as { text: string }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await bed.database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('treats a second enqueue with the same idempotency key as a no-op', async () => {
    const first = await bed.runtime.enqueue(
      bed.database.db,
      echo,
      { text: 'once' },
      { idempotencyKey: 'k-1' },
    );
    const second = await bed.runtime.enqueue(
      bed.database.db,
      echo,
      { text: 'twice' },
      { idempotencyKey: 'k-1' },
    );
    expect(second).toEqual({ id: first.id, isNew: false });
    await bed.runtime.drain();
    expect(seen).toEqual(['once']);
    expect(await bed.database.db.selectFrom('jobs').selectAll().execute()).toHaveLength(1);
  });

  it('runs a delayed job only when it is due', async () => {
    await bed.runtime.enqueue(bed.database.db, echo, { text: 'later' }, { delayMs: 60_000 });
    await bed.runtime.enqueue(
      bed.database.db,
      echo,
      { text: 'at' },
      { runAt: new Date('2026-03-01T12:05:00.000Z') },
    );
    await bed.runtime.drain();
    expect(seen).toEqual([]);
    clock.advance(60_000);
    await bed.runtime.drain();
    expect(seen).toEqual(['later']);
    clock.set('2026-03-01T12:05:00.000Z');
    await bed.runtime.drain();
    expect(seen).toEqual(['later', 'at']);
  });

  it('runs higher priority first', async () => {
    const serial = createTestRuntime(bed.database, clock, { concurrency: 1 });
    serial.register(echo);
    await serial.enqueue(bed.database.db, echo, { text: 'low' }, { priority: -5 });
    await serial.enqueue(bed.database.db, echo, { text: 'normal' });
    await serial.enqueue(bed.database.db, echo, { text: 'high' }, { priority: 10 });
    await serial.drain();
    expect(seen).toEqual(['high', 'normal', 'low']);
  });

  it('does not claim jobs of a paused queue', async () => {
    await bed.database.db
      .insertInto('job_queues')
      .values({ name: 'default', paused: 1, updated_at: clock.now().toISOString() })
      .execute();
    const { id } = await bed.runtime.enqueue(bed.database.db, echo, { text: 'held' });
    await bed.runtime.drain();
    expect((await jobRow(id)).state).toBe('queued');
    await bed.database.db.updateTable('job_queues').set({ paused: 0 }).execute();
    await bed.runtime.drain();
    expect(seen).toEqual(['held']);
  });
});

describe('workers', () => {
  it('keeps to the concurrency limit of a job', async () => {
    let current = 0;
    let highest = 0;
    const limited = defineJob({
      name: 'test.limited',
      payload: Type.Object({}),
      concurrency: 2,
      async handler() {
        current += 1;
        highest = Math.max(highest, current);
        await new Promise((resolve) => setTimeout(resolve, 5));
        current -= 1;
      },
    });
    bed.runtime.register(limited);
    for (let i = 0; i < 8; i += 1) await bed.runtime.enqueue(bed.database.db, limited, {});
    await bed.runtime.drain();
    expect(highest).toBe(2);
    const done = await bed.database.db
      .selectFrom('jobs')
      .select('state')
      .where('state', '=', 'succeeded')
      .execute();
    expect(done).toHaveLength(8);
  });

  it('wakes at once for a job enqueued elsewhere (NOTIFY on PostgreSQL, in-process on SQLite), not at the next poll', async () => {
    const slowPolling = { minPollMs: 600_000, maxPollMs: 600_000, housekeepingEveryMs: 600_000 };
    const live = createTestRuntime(
      bed.database,
      { now: () => new Date() },
      { ...slowPolling, listenUrl: bed.database.location.url ?? testPostgresUrl },
    );
    live.register(echo);
    await live.start();
    const other = bed.database.reopen();
    try {
      const producer =
        testDialect === 'postgres' ? createTestRuntime(other, { now: () => new Date() }) : live;
      producer.register(echo);
      await inTransaction(bed.database.db, (trx) => producer.enqueue(trx, echo, { text: 'notified' }));
      await eventually(() => seen.length === 1, 10_000);
      expect(seen).toEqual(['notified']);
    } finally {
      await live.stop(100);
      await other.destroy();
    }
  });

  it('on stop, claims nothing new and lets a running job finish within the grace period', async () => {
    const live = createTestRuntime(bed.database, { now: () => new Date() });
    let finish: () => void = () => {};
    const finishing = defineJob({
      name: 'test.finishing',
      payload: Type.Object({}),
      handler: () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    });
    live.register(echo);
    live.register(finishing);
    await live.start();
    const { id } = await live.enqueue(bed.database.db, finishing, {});
    await eventually(async () => (await jobRow(id)).state === 'running');
    const stopping = live.stop(10_000);
    const late = await live.enqueue(bed.database.db, echo, { text: 'after stop' });
    finish();
    await stopping;
    expect(await jobRow(id)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(await jobRow(late.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(seen).toEqual([]);
  });

  it('runs jobs enqueued after start() without drain, and releases a running job at stop', async () => {
    const live = createTestRuntime(bed.database, { now: () => new Date() });
    let release: () => void = () => {};
    const blocking = defineJob({
      name: 'test.blocking',
      payload: Type.Object({}),
      async handler(_payload, run) {
        await new Promise<void>((resolve) => {
          release = resolve;
          run.signal.addEventListener('abort', () => resolve());
        });
      },
    });
    live.register(echo);
    live.register(blocking);
    await live.start();
    await live.enqueue(bed.database.db, echo, { text: 'live' });
    await eventually(() => seen.length === 1);
    const { id } = await live.enqueue(bed.database.db, blocking, {});
    await eventually(async () => (await jobRow(id)).state === 'running');
    await live.stop(20);
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0, lease_owner: null });
    release();
  });
});
