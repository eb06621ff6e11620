import { newId } from '../../../platform/db/ids.js';
import { departmentHeadAbove } from '../../identity/index.js';
import type { ApprovalNode } from '../definitions/definition-model.js';
import { claimTask, settle } from '../engine/decide.js';
import { record } from '../engine/engine.js';
import { auditStep, type EngineRun } from '../engine/engine-run.js';
import * as repo from '../engine/instances.repository.js';
import { urgeApprovers } from '../engine/workflow-messages.js';

/** Reminds the pending approvers (the urge message), recorded on the timeline. */
export async function remind(run: EngineRun, node: ApprovalNode, pending: repo.TaskRow[]): Promise<void> {
  const users = pending.map((t) => t.assignee_id);
  await urgeApprovers(run, users);
  await record(run, node.id, 'sla_remind', { user_ids: users }, { actorId: null });
}

/** Hands each pending task to the escalation target (a person, or the approver's department head). */
export async function escalate(run: EngineRun, node: ApprovalNode, pending: repo.TaskRow[]): Promise<void> {
  const target = node.sla?.escalate_to;
  if (!target) return;
  const open = await repo.tasksAt(run.trx, pending[0]?.token_id as string, node.id);
  for (const task of pending) {
    const to =
      target.type === 'user'
        ? target.user_id
        : (await departmentHeadAbove(run.trx, { userId: task.assignee_id, levels: target.levels }))?.userId;
    const isBusy = (user: string) =>
      open.some((t) => t.assignee_id === user && ['pending', 'queued', 'waiting'].includes(t.status));
    if (!to || to === task.assignee_id || isBusy(to)) {
      await record(
        run,
        node.id,
        'sla_escalate_skipped',
        { from: task.assignee_id },
        { taskId: task.id, actorId: null },
      );
      continue;
    }
    await claimTask(run, task, {
      status: 'transferred',
      decided_by: null,
      decided_at: run.now,
      comment: 'SLA escalation',
    });
    const moved: repo.TaskRow = {
      ...task,
      id: newId(),
      assignee_id: to,
      status: 'pending',
      comment: null,
      decided_by: null,
      decided_at: null,
      created_at: run.now,
    };
    await repo.insertTasks(run.trx, [moved]);
    open.push(moved);
    run.assigned.set(to, { taskKind: task.kind, nodeName: node.name ?? node.id });
    await record(
      run,
      node.id,
      'sla_escalate',
      { from: task.assignee_id, to_user_id: to },
      { taskId: task.id, actorId: null },
    );
    auditStep(run, {
      type: 'workflow.task.transferred',
      entityId: run.instance.id,
      payload: { node_id: node.id, task_id: task.id, comment: 'SLA escalation', target: to },
    });
  }
}

/**
 * Decides the node's pending tasks as the node's timeout rule says, then settles it; in
 * sequential mode the next approver's task becomes pending and is decided the same way.
 */
export async function timeOut(
  run: EngineRun,
  node: ApprovalNode,
  token: repo.TokenRow,
  openedAt: string,
): Promise<void> {
  const status = node.sla?.on_timeout === 'reject' ? 'rejected' : 'approved';
  for (let guard = 0; guard < 100 && run.instance.status === 'running'; guard += 1) {
    const now = await repo.findToken(run.trx, token.id);
    if (now?.status !== 'active' || now.node_id !== node.id) return;
    const pending = (await repo.tasksAt(run.trx, token.id, node.id)).filter(
      (t) => t.status === 'pending' && t.created_at >= openedAt,
    );
    if (pending.length === 0) return;
    for (const task of pending) {
      await claimTask(run, task, { status, decided_by: null, decided_at: run.now, comment: 'SLA timeout' });
      await record(run, node.id, 'sla_timeout', { outcome: status }, { taskId: task.id, actorId: null });
      auditStep(run, {
        type: status === 'approved' ? 'workflow.task.approved' : 'workflow.task.rejected',
        entityId: run.instance.id,
        payload: { node_id: node.id, task_id: task.id, comment: 'SLA timeout', target: null },
        before: { task_status: 'pending' },
        after: { task_status: status },
      });
    }
    await settle(run, pending[0] as repo.TaskRow);
  }
}
