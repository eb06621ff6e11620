/**
 * A webhook dispatcher process for the webhooks crash test: an app context with the modules
 * the webhooks module needs (audit, identity, notifications, webhooks) on the test database
 * named in argv, a job runtime with a one-second lease. It loads, prints READY, and starts
 * its job runtime when a line arrives on stdin, so a test can load a spare worker while the
 * first one runs. argv: database location (JSON), data dir, environment (JSON). The test
 * kills it with SIGKILL while deliveries are on the wire.
 */

import { loadConfig } from '../src/config.js';
import { auditModule } from '../src/modules/audit/index.js';
import { identityModule } from '../src/modules/identity/index.js';
import { notificationsModule } from '../src/modules/notifications/index.js';
import { webhooksModule } from '../src/modules/webhooks/index.js';
import { type AppContext, createContext } from '../src/platform/app-context.js';
import { systemClock } from '../src/platform/db/clock.js';
import { sendMailJob } from '../src/platform/mail/mail.jobs.js';
import { createTestRuntime } from './job-harness.js';
import { openTestLocation, type TestDatabase } from './test-database.js';

const [location, dataDir, env] = process.argv.slice(2);
const modules = [auditModule, identityModule, notificationsModule, webhooksModule];
const database = openTestLocation(JSON.parse(location ?? '{}') as TestDatabase['location'], 2);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: dataDir ?? '',
  SECRET_KEY: 'x'.repeat(48),
  ...(JSON.parse(env ?? '{}') as Record<string, string>),
});
let ctx: AppContext | undefined;
const jobs = createTestRuntime(database, systemClock, { leaseMs: 1000, context: () => ctx as AppContext });
ctx = createContext(config, { database, jobs }, modules);
// what app.ts's registerJobs does, without importing app.ts (which loads every module)
jobs.register(sendMailJob);
for (const module of modules) {
  for (const job of module.jobs ?? []) jobs.register(job);
  for (const schedule of module.schedules ?? []) jobs.registerSchedule(schedule);
}
process.stdout.write('READY\n');
process.stdin.once('data', () => {
  void jobs.start().then(() => process.stdout.write('STARTED\n'));
});
