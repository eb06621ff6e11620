import { domainError, notFound } from '../../../platform/errors.js';
import type { ApprovalNode, FlowNode } from '../definitions/definition-model.js';
import { workflowErrors } from '../workflow.errors.js';
import type { TaskStatus } from '../workflow.tables.js';
import { settleNode } from './approval-node.js';
import { record } from './engine.js';
import { auditStep, type EngineRun } from './engine-run.js';
import * as repo from './instances.repository.js';

export type Decision = 'approve' | 'reject';
const decidedAs: Record<Decision, TaskStatus> = { approve: 'approved', reject: 'rejected' };

/** The task a user acts on: the one named, or their first open task in the instance. */
export async function taskFor(
  run: EngineRun,
  userId: string,
  taskId: string | undefined,
): Promise<repo.TaskRow> {
  const tasks = await stepTasks(run);
  run.foundTasks = undefined;
  const task = taskId
    ? tasks.find((t) => t.id === taskId)
    : (tasks.find((t) => t.assignee_id === userId && t.status === 'pending' && t.kind !== 'cc') ??
      tasks.filter((t) => t.assignee_id === userId && t.kind !== 'cc').at(-1));
  if (!task) throw notFound('Task');
  if (task.assignee_id !== userId)
    throw domainError(workflowErrors.NOT_YOUR_TASK, 'Only the assignee acts on this task');
  return task;
}

/**
 * The instance's tasks as the step found them, read once: the visibility check and the task
 * lookup at the start of a step share them (taskFor drops them, later reads see the step's changes).
 */
export function stepTasks(run: EngineRun): Promise<repo.TaskRow[]> {
  run.foundTasks ??= repo.tasksOf(run.trx, run.instance.id);
  return run.foundTasks;
}

export function assertRunning(run: EngineRun): void {
  if (run.instance.status !== 'running')
    throw domainError(workflowErrors.INSTANCE_NOT_RUNNING, `The approval is ${run.instance.status}`, {
      details: { status: run.instance.status },
    });
}

/**
 * Takes a pending task for an action, race-safe: first the token's row (so decisions on one
 * node run one at a time, and a node already left refuses), then the task itself by
 * compare-and-set from pending. Someone else first → 409 (40953).
 */
export async function claimTask(
  run: EngineRun,
  task: repo.TaskRow,
  changes: Partial<repo.TaskRow> & { status: TaskStatus },
): Promise<void> {
  assertRunning(run);
  const isTaken =
    (await repo.lockTokenAt(run.trx, task.token_id, task.node_id)) &&
    (await repo.decideTask(run.trx, task.id, ['pending'], changes));
  if (!isTaken) {
    const now = await repo.findTask(run.trx, task.id);
    throw domainError(
      workflowErrors.TASK_ALREADY_DECIDED,
      'This task was already decided or its step has moved on',
      {
        details: { task_status: now?.status ?? null },
      },
    );
  }
}

/**
 * Approves or rejects a task and settles its node. A repeat of the same decision by the
 * same person (a double click) changes nothing and answers as the first did ('replayed').
 */
export async function decide(
  run: EngineRun,
  task: repo.TaskRow,
  decision: Decision,
  comment: string | null,
  details: Record<string, unknown> = {},
): Promise<'decided' | 'replayed'> {
  const userId = run.actor.userId as string;
  const status = decidedAs[decision];
  if (task.status === status && task.decided_by === userId) return 'replayed';
  try {
    await claimTask(run, task, { status, decided_by: userId, decided_at: run.now, comment });
  } catch (error) {
    const now = await repo.findTask(run.trx, task.id);
    if (now?.status === status && now.decided_by === userId) return 'replayed';
    throw error;
  }
  if (decision === 'approve' && task.releases_task_id)
    await repo.decideTask(run.trx, task.releases_task_id, ['waiting'], { status: 'pending' });
  const onBehalf = task.on_behalf_of ? { on_behalf_of: task.on_behalf_of } : {};
  await record(run, task.node_id, decision, { ...details, ...onBehalf }, { taskId: task.id, comment });
  auditStep(run, {
    type: decision === 'approve' ? 'workflow.task.approved' : 'workflow.task.rejected',
    entityId: run.instance.id,
    payload: { node_id: task.node_id, task_id: task.id, comment, target: null },
    before: { task_status: 'pending' },
    after: { task_status: status },
  });
  await settle(run, task);
  return 'decided';
}

/** Re-reads the node's tasks and settles the node (moving the instance on when it is decided). */
export async function settle(run: EngineRun, task: repo.TaskRow): Promise<void> {
  const token = (await repo.findToken(run.trx, task.token_id)) as repo.TokenRow;
  const node = run.index.places.get(task.node_id)?.node as FlowNode;
  const tasks = await repo.tasksAt(run.trx, token.id, node.id);
  const released = tasks.find((t) => t.id === task.releases_task_id && t.status === 'pending');
  if (released)
    run.assigned.set(released.assignee_id, { taskKind: released.kind, nodeName: node.name ?? node.id });
  await settleNode(run, token, node as ApprovalNode, tasks, false);
}
