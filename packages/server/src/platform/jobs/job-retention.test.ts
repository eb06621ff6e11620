import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/job-harness.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { manualClock } from '../db/clock.js';
import { defineJob } from './index.js';

let database: TestDatabase;

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await database.destroy();
});

describe('retention of finished jobs', () => {
  it('purges succeeded and cancelled jobs past the retention period and keeps dead letters', async () => {
    const clock = manualClock('2026-06-01T00:00:00.000Z');
    const runtime = createTestRuntime(database, clock, { retentionDays: 7 });
    const ok = defineJob({ name: 'test.ok', payload: Type.Object({}), async handler() {} });
    const bad = defineJob({
      name: 'test.bad',
      payload: Type.Object({}),
      retry: { attempts: 2, backoff: 'fixed', delayMs: 1 },
      async handler() {
        throw new Error('bad');
      },
    });
    runtime.register(ok);
    runtime.register(bad);
    const old = await runtime.enqueue(database.db, ok, {});
    const dead = await runtime.enqueue(database.db, bad, {});
    await runtime.drain();
    clock.advance(1);
    await runtime.drain();
    clock.set('2026-06-07T00:00:00.000Z');
    const recent = await runtime.enqueue(database.db, ok, {});
    await runtime.drain();
    expect(await database.db.selectFrom('jobs').select('id').execute()).toHaveLength(3);
    clock.set('2026-06-08T00:00:01.000Z');
    await runtime.drain();
    const left = await database.db.selectFrom('jobs').select(['id', 'state']).orderBy('id').execute();
    expect(left).toEqual([
      { id: dead.id, state: 'dead' },
      { id: recent.id, state: 'succeeded' },
    ]);
    expect(left.map((r) => r.id)).not.toContain(old.id);
    const attempts = await database.db.selectFrom('job_attempts').select('job_id').execute();
    expect(attempts.map((a) => a.job_id)).toEqual([dead.id, dead.id]);
  });
});
