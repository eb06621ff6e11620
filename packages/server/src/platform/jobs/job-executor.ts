import type { AppContext } from '../app-context.js';
import type { Clock } from '../db/clock.js';
import { decodeJson } from '../db/json-codec.js';
import type { Db } from '../db/schema.js';
import type { Logger } from '../logger.js';
import { isPermanentFailure, type JobDefinition } from './job-definition.js';
import type { JobMetrics } from './job-metrics.js';
import { nextRunAt } from './job-retry.policy.js';
import { completeJob, failJob, type JobRow } from './jobs.repository.js';

/** Why a running job's signal was aborted; only a timeout counts as a failed attempt. */
export type AbortReason = 'timeout' | 'lease-lost' | 'shutdown';

export class JobAbort extends Error {
  constructor(
    readonly reason: AbortReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobAbort';
  }
}

export interface ExecutorEnv {
  db: Db;
  clock: Clock;
  worker: string;
  context: () => AppContext;
  logger: Logger;
  // biome-ignore lint/suspicious/noExplicitAny: definitions of every payload type share one map
  definitions: Map<string, JobDefinition<any>>;
  metrics: JobMetrics;
  random: () => number;
  /** Records a success (batched by the runtime); false when the lease was no longer ours. */
  complete?: (id: string) => Promise<boolean>;
  /** Called when a job reached its final state or a retry (schedules react to it). */
  onSettled?: (row: JobRow, state: 'succeeded' | 'queued' | 'dead') => Promise<void>;
}

/**
 * Runs one leased job to an outcome: success, a retry at the policy's time, or the dead
 * letters. The timeout is enforced here with its own timer, independent of the lease, and
 * aborts the handler's signal; a handler that ignores it no longer holds the job.
 */
export async function runClaimedJob(
  env: ExecutorEnv,
  row: JobRow,
  controller: AbortController,
): Promise<void> {
  const def = env.definitions.get(row.name);
  if (!def) return;
  const startedAt = env.clock.now();
  env.metrics.lag.observe(
    { queue: row.queue },
    Math.max(0, startedAt.getTime() - Date.parse(row.run_at)) / 1000,
  );
  const logger = env.logger.child({ jobId: row.id, job: row.name, attempt: row.attempts });
  const timer = setTimeout(
    () => controller.abort(new JobAbort('timeout', `timed out after ${def.timeoutMs} ms`)),
    def.timeoutMs,
  );
  const stopwatch = performance.now();
  try {
    await Promise.race([
      def.handler(decodeJson(row.payload), {
        jobId: row.id,
        attempt: row.attempts,
        signal: controller.signal,
        ctx: env.context(),
        logger,
      }),
      abortedPromise(controller.signal),
    ]);
    env.metrics.runTime.observe({ job: row.name }, (performance.now() - stopwatch) / 1000);
    const completed = env.complete
      ? await env.complete(row.id)
      : await completeJob(env.db, row.id, env.worker, env.clock.now().toISOString());
    if (completed) {
      await env.onSettled?.(row, 'succeeded');
    }
  } catch (error) {
    env.metrics.runTime.observe({ job: row.name }, (performance.now() - stopwatch) / 1000);
    await recordFailure(env, def, row, error, logger);
  } finally {
    clearTimeout(timer);
  }
}

async function recordFailure(
  env: ExecutorEnv,
  // biome-ignore lint/suspicious/noExplicitAny: any payload type
  def: JobDefinition<any>,
  row: JobRow,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const abort = error instanceof JobAbort ? error : undefined;
  if (abort && abort.reason !== 'timeout') {
    logger.warn({ reason: abort.reason }, 'job interrupted');
    return;
  }
  const now = env.clock.now();
  const retry = isPermanentFailure(error)
    ? null
    : nextRunAt(def.retry, row.attempts, row.max_attempts, now, env.random);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const recorded = await failJob(env.db, {
    job: row,
    worker: env.worker,
    now: now.toISOString(),
    outcome: abort ? 'timeout' : 'failed',
    error: message,
    retryAt: retry ? retry.toISOString() : null,
  });
  if (!recorded) return;
  env.metrics.failures.inc({ job: row.name, outcome: abort ? 'timeout' : 'failed' });
  if (retry) {
    logger.warn({ err: error, retryAt: retry.toISOString() }, 'job failed, will retry');
    await env.onSettled?.(row, 'queued');
  } else {
    env.metrics.deadLetters.inc({ job: row.name });
    logger.error({ err: error }, 'job failed, moved to dead letters');
    await env.onSettled?.(row, 'dead');
  }
}

function abortedPromise(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
