import type { ApprovalNode } from '../definitions/definition-model.js';
import type { EngineRun } from '../engine/engine-run.js';
import type { TokenRow } from '../engine/instances.repository.js';
import { slaJob } from './sla.jobs.js';
import type { SlaKind } from './sla-model.js';

/**
 * Queues a node's SLA jobs when it opens, in the step's transaction. `opened_at` tells the
 * job which opening it belongs to: after a return and a second visit, the first visit's jobs
 * find their tasks closed and do nothing.
 */
export async function scheduleSla(run: EngineRun, token: TokenRow, node: ApprovalNode): Promise<void> {
  const sla = node.sla;
  if (!sla) return;
  const after: [SlaKind, number | undefined][] = [
    ['remind', sla.remind_after],
    ['escalate', sla.escalate_to ? sla.escalate_after : undefined],
    ['timeout', sla.on_timeout ? sla.timeout_after : undefined],
  ];
  for (const [kind, seconds] of after) {
    if (seconds === undefined) continue;
    await run.deps.jobs.enqueue(
      run.trx,
      slaJob,
      { token_id: token.id, node_id: node.id, kind, opened_at: run.now },
      { delayMs: seconds * 1000, idempotencyKey: `${token.id}:${node.id}:${kind}:${run.now}` },
    );
  }
}
