import { Type } from '@sinclair/typebox';
import { defineJob } from '../../../platform/jobs/index.js';
import { runBulkSend } from './bulk-send.runner.js';
import { instancesDeps } from './instances.deps.js';

/**
 * Creates and sends one bulk send's requests. Rows settle one by one, so a retry after a
 * crash or a lost lease continues from the first unsettled row; a failed row is recorded and
 * never retried by the job.
 */
export const bulkSendJob = defineJob({
  name: 'signing.bulk-send.run',
  payload: Type.Object({ bulk_send_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 2000 },
  timeoutMs: 3_600_000,
  concurrency: 1,
  async handler(payload, run) {
    await runBulkSend(instancesDeps(run.ctx), payload.bulk_send_id, run.signal);
  },
});
