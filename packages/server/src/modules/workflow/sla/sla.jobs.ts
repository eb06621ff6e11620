import { Type } from '@sinclair/typebox';
import { systemActor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob } from '../../../platform/jobs/index.js';
import type { ApprovalNode } from '../definitions/definition-model.js';
import * as repo from '../engine/instances.repository.js';
import { endStep, loadRun } from '../engine/load-run.js';
import { workflowDeps } from '../workflow.deps.js';
import { escalate, remind, timeOut } from './sla-actions.js';
import { slaKinds } from './sla-model.js';

/**
 * A node's SLA moment (sla-schedule.ts). It acts only while the token still waits at the
 * node for the opening it was queued for, with tasks of that opening still pending; a repeat
 * finds nothing pending (or already escalated) and does nothing.
 */
export const slaJob = defineJob({
  name: 'workflow.sla.due',
  payload: Type.Object(
    {
      token_id: Type.String({ format: 'uuid' }),
      node_id: Type.String(),
      kind: Type.Union(slaKinds.map((k) => Type.Literal(k))),
      opened_at: Type.String(),
    },
    { additionalProperties: false },
  ),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 1000 },
  async handler(payload, job) {
    const deps = workflowDeps(job.ctx);
    await inTransaction(deps.db, async (trx) => {
      const token = await repo.findToken(trx, payload.token_id);
      if (token?.status !== 'active' || token.node_id !== payload.node_id) return;
      const run = await loadRun(trx, deps, systemActor('workflow.sla'), token.instance_id);
      if (run.instance.status !== 'running') return;
      const node = run.index.places.get(payload.node_id)?.node as ApprovalNode | undefined;
      if (!node?.sla) return;
      const round = (await repo.tasksAt(trx, token.id, node.id)).filter(
        (t) => t.created_at >= payload.opened_at,
      );
      if (round.some((t) => t.status === 'cancelled')) return;
      const pending = round.filter((t) => t.status === 'pending');
      if (pending.length === 0) return;
      if (payload.kind === 'remind') await remind(run, node, pending);
      else if (payload.kind === 'escalate') await escalate(run, node, pending);
      else await timeOut(run, node, token, payload.opened_at);
      await endStep(run);
    });
  },
});
