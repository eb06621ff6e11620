import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach } from 'vitest';
import { manualClock } from '../src/platform/db/clock.js';
import { defineJob } from '../src/platform/jobs/index.js';
import type { ManagedJobRuntime } from '../src/platform/jobs/job-runtime.js';
import { createTestRuntime } from './job-harness.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The instant every job test starts at, so retry and lease times read as fixed values. */
export const JOB_TEST_START = '2026-03-01T12:00:00.000Z';

/**
 * Registers beforeEach/afterEach hooks giving each test a fresh database and job runtime on
 * a manual clock (reset to JOB_TEST_START), with `test.echo` registered: it appends its
 * text to `seen`. Kept apart from job-harness.ts, which child processes import without vitest.
 */
export function useJobTestBed() {
  const clock = manualClock(JOB_TEST_START);
  const seen: string[] = [];
  const echo = defineJob({
    name: 'test.echo',
    payload: Type.Object({ text: Type.String() }, { additionalProperties: false }),
    async handler(payload) {
      seen.push(payload.text);
    },
  });
  let database: TestDatabase | undefined;
  let runtime: ManagedJobRuntime | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
    clock.set(JOB_TEST_START);
    seen.length = 0;
    runtime = createTestRuntime(database, clock);
    runtime.register(echo);
  });

  afterEach(async () => {
    await runtime?.stop(100);
    await database?.destroy();
  });

  const bed = {
    clock,
    seen,
    echo,
    /** This test's database (only inside a test or hook). */
    get database(): TestDatabase {
      if (!database) throw new Error('the job test bed is set up in beforeEach');
      return database;
    },
    /** This test's job runtime (only inside a test or hook). */
    get runtime(): ManagedJobRuntime {
      if (!runtime) throw new Error('the job test bed is set up in beforeEach');
      return runtime;
    },
    /** The stored row of a job, as the assertions check it. */
    jobRow: (id: string) =>
      bed.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  };
  return bed;
}
