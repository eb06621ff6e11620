import { Type } from '@sinclair/typebox';
import { systemActor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob } from '../../../platform/jobs/index.js';
import { workflowDeps } from '../workflow.deps.js';
import { continueAfter, moveToken } from './engine.js';
import * as repo from './instances.repository.js';
import { endStep, loadRun } from './load-run.js';

/**
 * A delay node's wake-up: enqueued when the token reaches the node, with the delay. It
 * moves the token on only if it still waits at that node (a withdrawal or a return in the
 * meantime closed it), so a repeated run does nothing.
 */
export const delayJob = defineJob({
  name: 'workflow.delay.wake',
  payload: Type.Object(
    { token_id: Type.String({ format: 'uuid' }), node_id: Type.String() },
    { additionalProperties: false },
  ),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000 },
  async handler(payload, job) {
    const deps = workflowDeps(job.ctx);
    await inTransaction(deps.db, async (trx) => {
      const token = await repo.findToken(trx, payload.token_id);
      if (token?.status !== 'waiting' || token.node_id !== payload.node_id) return;
      const run = await loadRun(trx, deps, systemActor('workflow.delay'), token.instance_id);
      if (run.instance.status !== 'running') return;
      await moveToken(run, token, { status: 'active' });
      await continueAfter(run, token, token.node_id);
      await endStep(run);
    });
  },
});
