import pino from 'pino';
import { Registry } from 'prom-client';
import type { AppContext } from '../src/platform/app-context.js';
import type { Clock } from '../src/platform/db/clock.js';
import type { Database } from '../src/platform/db/database.js';
import {
  createJobRuntime,
  type JobRuntimeOptions,
  type ManagedJobRuntime,
} from '../src/platform/jobs/job-runtime.js';

/**
 * A job runtime on a test database with a clock the test controls, no jitter unless asked,
 * and silent logs. Nothing runs until the test calls drain() or start().
 */
export function createTestRuntime(
  database: Database,
  clock: Clock,
  options: Partial<JobRuntimeOptions> = {},
): ManagedJobRuntime {
  return createJobRuntime({
    database,
    clock,
    logger: pino({ level: 'silent' }),
    registry: new Registry(),
    context: () => ({ db: database.db, clock }) as unknown as AppContext,
    random: () => 1,
    minPollMs: 2,
    maxPollMs: 50,
    housekeepingEveryMs: 20,
    ...options,
  });
}

/** Resolves when `predicate` holds, checking every few milliseconds (real-time tests only). */
export async function eventually(
  predicate: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
