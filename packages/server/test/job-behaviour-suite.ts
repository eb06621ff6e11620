import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../src/platform/db/clock.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { defineJob, PermanentJobError } from '../src/platform/jobs/index.js';
import type { JobRuntimeOptions, ManagedJobRuntime } from '../src/platform/jobs/job-runtime.js';
import { createTestRuntime, eventually } from './job-harness.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * The behaviour every driver must show, with real workers (start()) and the real clock:
 * the local driver runs it in the server suite, bullmq in the services suite.
 */
export function jobBehaviourSuite(
  driver: string,
  driverOptions: () => Partial<JobRuntimeOptions>,
  cleanup = async () => {},
) {
  describe(`job runtime behaviour (${driver} driver)`, () => {
    let database: TestDatabase;
    let runtime: ManagedJobRuntime;
    const runs: string[] = [];
    const echo = defineJob({
      name: 'suite.echo',
      payload: Type.Object({ text: Type.String() }),
      async handler(payload) {
        runs.push(payload.text);
      },
    });
    const row = (id: string) =>
      database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const settled = (id: string, state: string) => eventually(async () => (await row(id)).state === state);

    beforeEach(async () => {
      database = await createTestDatabase();
      runs.length = 0;
      runtime = createTestRuntime(database, systemClock, { leaseMs: 1000, ...driverOptions() });
      runtime.register(echo);
    });

    afterEach(async () => {
      await runtime.stop(500);
      await database.destroy();
      await cleanup();
    });

    it('runs committed jobs once, never rolled-back ones, and a keyed job once', async () => {
      await runtime.start();
      const { id } = await inTransaction(database.db, (trx) =>
        runtime.enqueue(trx, echo, { text: 'committed' }),
      );
      await inTransaction(database.db, async (trx) => {
        await runtime.enqueue(trx, echo, { text: 'rolled back' });
        throw new Error('rollback');
      }).catch(() => {});
      const keyed = await runtime.enqueue(database.db, echo, { text: 'keyed' }, { idempotencyKey: 'once' });
      expect(
        await runtime.enqueue(database.db, echo, { text: 'keyed again' }, { idempotencyKey: 'once' }),
      ).toEqual({ id: keyed.id, isNew: false });
      await expect(
        runtime.enqueue(database.db, echo, { text: 1 } as unknown as { text: string }),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      await settled(id, 'succeeded');
      await settled(keyed.id, 'succeeded');
      expect(runs.sort()).toEqual(['committed', 'keyed']);
      expect(await database.db.selectFrom('jobs').selectAll().execute()).toHaveLength(2);
    });

    it('retries with backoff, then dead-letters; a permanent failure dead-letters at once', async () => {
      const failing = defineJob({
        name: 'suite.failing',
        payload: Type.Object({ permanent: Type.Boolean() }),
        retry: { attempts: 3, backoff: 'exponential', delayMs: 20 },
        async handler(payload) {
          throw payload.permanent ? new PermanentJobError('refused') : new Error('flaky');
        },
      });
      runtime.register(failing);
      await runtime.start();
      const transient = await runtime.enqueue(database.db, failing, { permanent: false });
      const permanent = await runtime.enqueue(database.db, failing, { permanent: true });
      await settled(transient.id, 'dead');
      await settled(permanent.id, 'dead');
      expect(await row(permanent.id)).toMatchObject({
        attempts: 1,
        last_error: 'PermanentJobError: refused',
      });
      expect(await row(transient.id)).toMatchObject({ attempts: 3, last_error: 'Error: flaky' });
      const attempts = await database.db
        .selectFrom('job_attempts')
        .selectAll()
        .where('job_id', '=', transient.id)
        .orderBy('attempt')
        .execute();
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const gaps = attempts
        .slice(1)
        .map((a, i) => Date.parse(a.started_at) - Date.parse(attempts[i]?.finished_at ?? ''));
      expect(gaps[0]).toBeGreaterThanOrEqual(20);
      expect(gaps[1]).toBeGreaterThanOrEqual(40);
    });

    it('times out a hanging handler and keeps to a concurrency limit', async () => {
      let current = 0;
      let highest = 0;
      const hanging = defineJob({
        name: 'suite.hanging',
        payload: Type.Object({}),
        timeoutMs: 50,
        retry: { attempts: 1, backoff: 'fixed', delayMs: 1 },
        handler: () => new Promise(() => {}),
      });
      const limited = defineJob({
        name: 'suite.limited',
        payload: Type.Object({}),
        concurrency: 2,
        async handler() {
          current += 1;
          highest = Math.max(highest, current);
          // Stay until a second one runs beside this one (or 500 ms pass): with 10 ms
          // handlers a busy machine often ran them one after another, never showing the limit.
          for (let waited = 0; current < 2 && waited < 500; waited += 5)
            await new Promise((resolve) => setTimeout(resolve, 5));
          current -= 1;
        },
      });
      runtime.register(hanging);
      runtime.register(limited);
      await runtime.start();
      const stuck = await runtime.enqueue(database.db, hanging, {});
      const ids = [];
      for (let i = 0; i < 8; i += 1) ids.push((await runtime.enqueue(database.db, limited, {})).id);
      for (const id of ids) await settled(id, 'succeeded');
      await settled(stuck.id, 'dead');
      expect(highest).toBe(2);
      expect((await row(stuck.id)).last_error).toBe('JobAbort: timed out after 50 ms');
    });

    it('holds a paused queue, starts delayed jobs no earlier than due, and cancels a running job', async () => {
      let aborted = false;
      const blocking = defineJob({
        name: 'suite.blocking',
        payload: Type.Object({}),
        queue: 'slow',
        handler: (_p, run) =>
          new Promise<void>((resolve) => {
            run.signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          }),
      });
      runtime.register(blocking);
      await database.db
        .insertInto('job_queues')
        .values({ name: 'slow', paused: 1, updated_at: new Date().toISOString() })
        .execute();
      await runtime.start();
      const held = await runtime.enqueue(database.db, blocking, {});
      const delayed = await runtime.enqueue(database.db, echo, { text: 'delayed' }, { delayMs: 150 });
      await settled(delayed.id, 'succeeded');
      const ran = await row(delayed.id);
      expect(Date.parse(ran.started_at ?? '')).toBeGreaterThanOrEqual(Date.parse(ran.run_at));
      expect((await row(held.id)).state).toBe('queued');
      await database.db.updateTable('job_queues').set({ paused: 0 }).execute();
      runtime.notify();
      await settled(held.id, 'running');
      await database.db
        .updateTable('jobs')
        .set({ state: 'cancelled', lease_owner: null })
        .where('id', '=', held.id)
        .execute();
      await eventually(() => aborted);
      expect((await row(held.id)).state).toBe('cancelled');
    });
  });
}
