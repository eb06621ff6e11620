import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { defineJob } from '../../platform/jobs/index.js';
import { deliver, fanOut } from './delivery.service.js';
import { webhooksDeps } from './webhooks.deps.js';

/**
 * Fan-out: one delivery per subscribed endpoint, made after the emitting transaction
 * committed. Deliver: one attempt of one delivery; HTTP failures are retried by the
 * delivery's own schedule (about three days), so the job itself retries only when the
 * database failed.
 */
export const fanOutJob = defineJob({
  name: 'webhooks.fan-out',
  payload: Type.Object({ event_id: Type.String() }),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000, jitter: true },
  handler: async (payload, run) => {
    const deps = webhooksDeps(run.ctx);
    await inTransaction(deps.db, (trx) => fanOut(trx, deps, payload.event_id));
  },
});

export const deliverJob = defineJob({
  name: 'webhooks.deliver',
  payload: Type.Object({ delivery_id: Type.String() }),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000, jitter: true },
  timeoutMs: 60_000,
  concurrency: 32,
  handler: async (payload, run) => deliver(webhooksDeps(run.ctx), payload.delivery_id),
});
