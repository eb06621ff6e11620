/**
 * A worker process for the notification crash test: the whole app context (every module)
 * on the test database named in argv, a job runtime with a one-second lease, started.
 * The test kills it with SIGKILL while a delivery is on the wire.
 */

import { registerJobs } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { modules } from '../src/modules/index.js';
import { type AppContext, createContext } from '../src/platform/app-context.js';
import { systemClock } from '../src/platform/db/clock.js';
import { createTestRuntime } from './job-harness.js';
import { openTestLocation, type TestDatabase } from './test-database.js';

const [location, dataDir, allow] = process.argv.slice(2);
const database = openTestLocation(JSON.parse(location ?? '{}') as TestDatabase['location'], 2);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: dataDir ?? '',
  SECRET_KEY: 'x'.repeat(48),
  OUTBOUND_ALLOW_LIST: allow ?? '',
});
let ctx: AppContext | undefined;
const jobs = createTestRuntime(database, systemClock, { leaseMs: 1000, context: () => ctx as AppContext });
ctx = createContext(config, { database, jobs }, modules);
registerJobs(ctx, modules);
await jobs.start();
process.stdout.write('READY\n');
