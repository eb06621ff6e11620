import { Type } from '@sinclair/typebox';
import { defineJob } from '../../platform/jobs/index.js';
import { runBatch } from './batch-runner.js';
import { documentTemplatesDeps } from './document-templates.deps.js';

/**
 * Generates one batch. Rows settle one by one, so a retry after a crash or a lost lease
 * continues from the first unsettled row; a row that fails is recorded and never retried
 * by the job (retrying the job retries nothing already settled).
 */
export const generateBatchJob = defineJob({
  name: 'document-templates.batch.generate',
  payload: Type.Object({ batch_id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { attempts: 3, backoff: 'exponential', delayMs: 2000 },
  timeoutMs: 3_600_000,
  concurrency: 2,
  async handler(payload, run) {
    await runBatch(documentTemplatesDeps(run.ctx), payload.batch_id, run.signal);
  },
});
