import { Type } from '@sinclair/typebox';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { dispatch } from './dispatcher.js';
import { webhooksDeps } from './webhooks.deps.js';

/**
 * The dispatcher (dispatcher.ts): one run fans out every pending outbox event and sends
 * every due delivery, many at a time, until none is left. `emit` enqueues one run per
 * business transaction, a failed attempt one at its retry time, and a run that used its
 * time budget a follow-up. HTTP failures are retried by each delivery's own schedule
 * (about three days), so the job itself retries only when the database failed. One run
 * per process at a time; processes share the work through compare-and-set claims.
 */
export const dispatchJob = defineJob({
  name: 'webhooks.dispatch',
  payload: Type.Object({}),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000, jitter: true },
  timeoutMs: 300_000,
  concurrency: 1,
  handler: async (_payload, run) => {
    const deps = webhooksDeps(run.ctx);
    const end = await dispatch(deps, run.signal);
    if (end === 'budget') await deps.jobs.enqueue(deps.db, dispatchJob, {});
  },
});

/**
 * A safety net: claims of a process killed mid-send go stale after twice the attempt
 * timeout, and this run (every minute) picks them up with anything else left behind.
 */
export const dispatchSchedule = defineSchedule({
  name: 'webhooks.dispatch-sweep',
  job: dispatchJob,
  everyMs: 60_000,
});

/** Job kinds of the first release (one job per event and per delivery): a queued one just runs the dispatcher. */
export const fanOutJob = defineJob({
  name: 'webhooks.fan-out',
  payload: Type.Object({ event_id: Type.String() }),
  concurrency: 1,
  handler: async (_payload, run) => void (await dispatch(webhooksDeps(run.ctx), run.signal)),
});

export const deliverJob = defineJob({
  name: 'webhooks.deliver',
  payload: Type.Object({ delivery_id: Type.String() }),
  concurrency: 1,
  handler: async (_payload, run) => void (await dispatch(webhooksDeps(run.ctx), run.signal)),
});
