/**
 * One of two worker processes racing for the same jobs (faults test). The handler marks the
 * job as running in a table with a unique key, so a second concurrent run of the same job
 * is caught by the database, counts its effect idempotently, and unmarks it.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { systemClock } from '../src/platform/db/clock.js';
import { defineJob } from '../src/platform/jobs/index.js';
import { createTestRuntime } from './job-harness.js';
import { openTestLocation, type TestDatabase } from './test-database.js';

const database = openTestLocation(JSON.parse(process.argv[2] ?? '{}') as TestDatabase['location'], 4);
const db = database.db;

const raced = defineJob({
  name: 'test.raced',
  payload: Type.Object({ n: Type.Integer() }),
  async handler(_payload, run) {
    try {
      await sql`insert into test_job_running (job_id) values (${run.jobId})`.execute(db);
    } catch (error) {
      // Only a duplicate key means a concurrent run; a busy or lost connection under load is
      // an ordinary failure (the job is retried) and must not be counted as an overlap.
      if (!isDuplicateKey(error)) throw error;
      await sql`insert into test_job_overlaps (job_id) values (${run.jobId})`.execute(db);
    }
    await sql`insert into test_job_effects (job_id, runs, pid) values (${run.jobId}, 1, ${process.pid})
      on conflict (job_id) do update set runs = test_job_effects.runs + 1`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await sql`delete from test_job_running where job_id = ${run.jobId}`.execute(db);
  },
});

function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

const runtime = createTestRuntime(database, systemClock, { concurrency: 8 });
runtime.register(raced);
await runtime.start();
process.stdout.write('READY\n');
process.once('SIGTERM', () => {
  void runtime
    .stop(2000)
    .then(() => database.destroy())
    .then(() => process.exit(0));
});
