import { domainError } from '../../../platform/errors.js';
import { fireOutcome } from '../listeners/listeners-fire.js';
import { workflowErrors } from '../workflow.errors.js';
import type { InstanceStatus } from '../workflow.tables.js';
import { record } from './engine.js';
import { auditStep, type EngineRun } from './engine-run.js';
import * as repo from './instances.repository.js';
import { resumeParent } from './subprocess.js';
import { tellApplicant } from './workflow-messages.js';

const auditOf = {
  approved: 'workflow.instance.approved',
  rejected: 'workflow.instance.rejected',
  withdrawn: 'workflow.instance.withdrawn',
  returned: 'workflow.instance.returned',
} as const;

/**
 * Ends a running instance (approved, rejected, withdrawn) or hands it back to its initiator
 * (returned): compare-and-set on the status, every open task cancelled, every live token
 * closed, the record, the audit event and the initiator's message in the same transaction.
 * A subprocess's end moves the parent instance on.
 */
export async function finishInstance(
  run: EngineRun,
  status: Exclude<InstanceStatus, 'running'>,
  nodeId: string | null,
  comment: string | null = null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const from: InstanceStatus[] = status === 'withdrawn' ? ['running', 'returned'] : ['running'];
  const changes = { status, updated_at: run.now, finished_at: status === 'returned' ? null : run.now };
  if (!(await repo.moveInstance(run.trx, run.instance.id, from, changes)))
    throw domainError(workflowErrors.INSTANCE_NOT_RUNNING, 'The approval is no longer running', {
      details: { status: run.instance.status },
    });
  const before = run.instance.status;
  Object.assign(run.instance, changes);
  await repo.cancelOpenTasks(run.trx, run.instance.id, null, run.now);
  await repo.closeLiveTokens(run.trx, run.instance.id, status === 'approved' ? 'done' : 'cancelled', run.now);
  await record(run, nodeId, status === 'returned' ? 'returned' : `instance_${status}`, details, { comment });
  auditStep(run, {
    type: auditOf[status],
    entityId: run.instance.id,
    payload: { node_id: nodeId, task_id: null, comment, target: null },
    before: { status: before },
    after: { status },
  });
  await tellApplicant(run, status);
  await fireOutcome(run, status);
  if (run.instance.parent_token_id && status !== 'returned') {
    await resumeParent(run, run.instance.parent_token_id, status === 'approved');
  }
}

/** Rejected back to the initiator: the instance waits (returned) until they resubmit or withdraw. */
export function returnToInitiator(run: EngineRun, nodeId: string): Promise<void> {
  return finishInstance(run, 'returned', nodeId);
}
