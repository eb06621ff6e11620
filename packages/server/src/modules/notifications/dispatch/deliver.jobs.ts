import { Type } from '@sinclair/typebox';
import { defineJob, defineSchedule } from '../../../platform/jobs/index.js';
import { notificationsDeps } from '../notifications.deps.js';
import { makeDigest } from './digest.service.js';
import { dispatchDeliveries } from './dispatcher.js';
import { sweepStalled } from './sweep.service.js';

export { enqueueDeliveries } from './schedule-delivery.js';

/**
 * Sends a batch of deliveries. The job itself rarely fails: each delivery records its own
 * attempts and schedules its own retry, so one bad address never holds back the others. A
 * run that dies (process killed, timeout) is run again by the job runtime and picks up
 * exactly the deliveries it had not finished.
 */
export const deliverJob = defineJob({
  name: 'notifications.deliver',
  payload: Type.Object(
    { delivery_ids: Type.Array(Type.String({ maxLength: 36 }), { minItems: 1, maxItems: 200 }) },
    { additionalProperties: false },
  ),
  queue: 'notifications',
  concurrency: 16,
  timeoutMs: 300_000,
  retry: { attempts: 10, backoff: 'exponential', delayMs: 5_000, maxDelayMs: 600_000, jitter: true },
  async handler(payload, run) {
    await dispatchDeliveries(notificationsDeps(run.ctx), payload.delivery_ids, {
      jobId: run.jobId,
      signal: run.signal,
    });
  },
});

/** Merges what a limit held back for one place into one message (idempotent per window). */
export const digestJob = defineJob({
  name: 'notifications.digest',
  payload: Type.Object(
    { digest_key: Type.String({ maxLength: 300 }), window: Type.String({ maxLength: 30 }) },
    { additionalProperties: false },
  ),
  queue: 'notifications',
  retry: { attempts: 10, backoff: 'exponential', delayMs: 5_000, maxDelayMs: 600_000, jitter: true },
  async handler(payload, run) {
    await makeDigest(notificationsDeps(run.ctx), payload.digest_key, payload.window);
  },
});

/** Sends on deliveries whose job was lost (e.g. a job that died past its own retries). */
export const sweepJob = defineJob({
  name: 'notifications.sweep',
  payload: Type.Object({}, { additionalProperties: false }),
  queue: 'notifications',
  async handler(_payload, run) {
    await sweepStalled(notificationsDeps(run.ctx));
  },
});

export const sweepSchedule = defineSchedule({ name: 'notifications.sweep', job: sweepJob, everyMs: 60_000 });
