import { type Actor, hasPermission } from '../../../platform/actor.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import type { InstanceRow, TaskRow } from '../engine/instances.repository.js';
import { can } from '../workflow.catalogue.js';
import { workflowErrors } from '../workflow.errors.js';
import { isParticipant } from './approvals.repository.js';

/** Who sees every approval: holders of workflow.approval.admin. */
export function seesAll(actor: Actor): boolean {
  return hasPermission(actor, can['workflow.approval.admin']);
}

/**
 * An approval is visible to its initiator, to everyone who has (or had) a task or a copy in
 * it, and to approval administrators; to anybody else it does not exist (404). `tasks`: the
 * instance's tasks when the caller reads them anyway (an action's step), instead of a query.
 */
export async function assertVisible(
  db: DbOrTrx,
  actor: Actor,
  instance: InstanceRow,
  tasks?: () => Promise<Pick<TaskRow, 'assignee_id' | 'decided_by'>[]>,
): Promise<void> {
  if (seesAll(actor) || instance.applicant_id === actor.userId) return;
  const userId = actor.userId;
  if (userId && tasks && (await tasks()).some((t) => t.assignee_id === userId || t.decided_by === userId))
    return;
  if (userId && !tasks && (await isParticipant(db, instance.id, userId))) return;
  throw notFound('Approval');
}

export function assertInitiator(actor: Actor, instance: InstanceRow): void {
  if (instance.applicant_id !== actor.userId)
    throw domainError(workflowErrors.NOT_YOUR_TASK, 'Only the initiator does this');
}
