/**
 * A worker process for the crash test: starts a job runtime on the database named in
 * argv, prints STARTED <jobId> when its handler begins, then hangs until it is killed.
 */
import { Type } from '@sinclair/typebox';
import { systemClock } from '../src/platform/db/clock.js';
import { defineJob } from '../src/platform/jobs/index.js';
import { createTestRuntime } from './job-harness.js';
import { openTestLocation, type TestDatabase } from './test-database.js';

const database = openTestLocation(JSON.parse(process.argv[2] ?? '{}') as TestDatabase['location'], 2);

const crashy = defineJob({
  name: 'test.crashy',
  payload: Type.Object({}),
  async handler(_payload, run) {
    process.stdout.write(`STARTED ${run.jobId} ${run.attempt}\n`);
    await new Promise(() => {});
  },
});

const runtime = createTestRuntime(database, systemClock, { leaseMs: 2000 });
runtime.register(crashy);
await runtime.start();
