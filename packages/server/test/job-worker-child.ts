/**
 * A worker process for the crash test: starts a job runtime on the database named in
 * argv, prints STARTED <jobId> when its handler begins, then hangs until it is killed.
 */
import { Type } from '@sinclair/typebox';
import { systemClock } from '../src/platform/db/clock.js';
import { createDatabase } from '../src/platform/db/database.js';
import { defineJob } from '../src/platform/jobs/index.js';
import { createTestRuntime } from './job-harness.js';

const location = JSON.parse(process.argv[2] ?? '{}') as { file?: string; url?: string; searchPath?: string };
const database = location.file
  ? createDatabase({ dialect: 'sqlite', file: location.file })
  : createDatabase({
      dialect: 'postgres',
      url: location.url,
      searchPath: location.searchPath ?? 'public',
      poolMax: 2,
    });

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
