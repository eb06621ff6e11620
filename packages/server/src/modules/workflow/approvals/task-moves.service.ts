import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';
import { domainError } from '../../../platform/errors.js';
import { enclosingBranches } from '../definitions/definition-index.js';
import { claimTask, stepTasks, taskFor } from '../engine/decide.js';
import { moveToken, record, runFrom } from '../engine/engine.js';
import { auditStep, type EngineRun } from '../engine/engine-run.js';
import * as repo from '../engine/instances.repository.js';
import { endStep, loadRun } from '../engine/load-run.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import { assertVisible } from './approvals.policy.js';
import { attachmentDetails, type CommentInput, checkedAttachments } from './attachments.js';

const invalid = (message: string) => domainError(workflowErrors.TARGET_INVALID, message);

async function onTask(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  taskId: string | undefined,
  work: (run: EngineRun, task: repo.TaskRow) => Promise<void>,
): Promise<void> {
  const run = await loadRun(trx, deps, actor, id);
  await assertVisible(trx, actor, run.instance, () => stepTasks(run));
  const task = await taskFor(run, actor.userId as string, taskId);
  if (task.kind === 'cc') throw invalid('A copy is not a task to hand on');
  await work(run, task);
  await endStep(run);
}

function audit(
  run: EngineRun,
  type: 'workflow.task.transferred' | 'workflow.task.add_signed' | 'workflow.task.returned',
  task: repo.TaskRow,
  target: string,
  comment: string | null,
): void {
  auditStep(run, {
    type,
    entityId: run.instance.id,
    payload: { node_id: task.node_id, task_id: task.id, comment, target },
  });
}

function taskLike(run: EngineRun, task: repo.TaskRow, changes: Partial<repo.TaskRow>): repo.TaskRow {
  return {
    ...task,
    id: newId(),
    status: 'pending',
    comment: null,
    decided_by: null,
    decided_at: null,
    releases_task_id: null,
    created_at: run.now,
    ...changes,
  };
}

async function assertFreeAssignee(run: EngineRun, task: repo.TaskRow, userId: string): Promise<void> {
  if (userId === task.assignee_id) throw invalid('That is your own task');
  const open = await repo.tasksAt(run.trx, task.token_id, task.node_id);
  if (open.some((t) => t.assignee_id === userId && ['pending', 'queued', 'waiting'].includes(t.status)))
    throw invalid('That person already has an open task at this step');
}

/** Hands one's pending task to someone else: the same place in the node, the new assignee decides. */
export function transferTask(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: { task_id?: string; to_user_id: string } & CommentInput,
) {
  return onTask(trx, deps, actor, id, input.task_id, async (run, task) => {
    await assertFreeAssignee(run, task, input.to_user_id);
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    const comment = input.comment ?? null;
    await claimTask(run, task, {
      status: 'transferred',
      decided_by: actor.userId,
      decided_at: run.now,
      comment,
    });
    await repo.insertTasks(trx, [
      taskLike(run, task, { assignee_id: input.to_user_id, releases_task_id: task.releases_task_id }),
    ]);
    run.assigned.set(input.to_user_id, { taskKind: task.kind, nodeName: task.node_id });
    await record(
      run,
      task.node_id,
      'transfer',
      { to_user_id: input.to_user_id, ...attachmentDetails(attachments) },
      { taskId: task.id, comment },
    );
    audit(run, 'workflow.task.transferred', task, input.to_user_id, comment);
  });
}

/**
 * Adds an approver to one's node: `before` (they decide first; one's own task waits and
 * they are not counted), `after` (they decide once one has approved, counted, and must
 * approve) or `parallel` (one more counted approver now; a percentage node recomputes the
 * approvals needed from the same percentage).
 */
export function addSigner(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: { task_id?: string; user_id: string; position: 'before' | 'after' | 'parallel' } & CommentInput,
) {
  return onTask(trx, deps, actor, id, input.task_id, async (run, task) => {
    if (task.kind === 'signature') throw invalid('Signers are set by the signing request');
    await assertFreeAssignee(run, task, input.user_id);
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    const comment = input.comment ?? null;
    const added = taskLike(run, task, { assignee_id: input.user_id });
    if (input.position === 'before') {
      await claimTask(run, task, { status: 'waiting' });
      Object.assign(added, { counts: 0, releases_task_id: task.id });
    } else {
      await claimTask(run, task, { status: 'pending' });
      if (input.position === 'after') {
        Object.assign(added, { counts: 2, status: 'waiting' });
        await repo.decideTask(trx, task.id, ['pending'], { releases_task_id: added.id });
      }
    }
    await repo.insertTasks(trx, [added]);
    if (added.status === 'pending')
      run.assigned.set(input.user_id, { taskKind: task.kind, nodeName: task.node_id });
    await record(
      run,
      task.node_id,
      'add_sign',
      { user_id: input.user_id, position: input.position, ...attachmentDetails(attachments) },
      { taskId: task.id, comment },
    );
    audit(run, 'workflow.task.add_signed', task, `${input.position}:${input.user_id}`, comment);
  });
}

/**
 * Sends the approval back to an earlier approval or handler node on the path that led here.
 * Outside the current parallel branch, every branch of that parallel node closes (tokens and
 * open tasks), so nothing hangs at the join, and the token that owns the target's sequence
 * runs again from the target.
 */
export function returnToNode(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: { task_id?: string; target_node_id: string } & CommentInput,
) {
  return onTask(trx, deps, actor, id, input.task_id, async (run, task) => {
    const target = run.index.places.get(input.target_node_id);
    const here = run.index.places.get(task.node_id);
    if (!target || !here || (target.node.type !== 'approval' && target.node.type !== 'handler'))
      throw invalid('The target must be an approval or handler node of this definition');
    const chain = enclosingBranches(run.index, task.node_id);
    const level = chain.indexOf(target.branchId);
    const ancestorIndex = level < 0 ? -1 : positionAt(run, task.node_id, level);
    if (level < 0 || target.index >= ancestorIndex)
      throw invalid(`Node ${input.target_node_id} is not before this step`);
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    const comment = input.comment ?? null;
    await claimTask(run, task, {
      status: 'cancelled',
      decided_by: actor.userId,
      decided_at: run.now,
      comment,
    });
    const tokens = await repo.tokensOf(trx, run.instance.id);
    let scope = tokens.find((t) => t.id === task.token_id) as repo.TokenRow;
    for (const branchId of chain.slice(0, level)) {
      const container = run.index.places.get(run.index.branches.get(branchId as string)?.containerId ?? '');
      if (container?.node.type === 'parallel')
        scope = tokens.find((t) => t.id === scope.parent_id) as repo.TokenRow;
    }
    const closing = descendants(tokens, scope.id);
    await repo.cancelOpenTasks(trx, run.instance.id, [scope.id, ...closing], run.now);
    await repo.setTokensStatus(trx, closing, 'cancelled', run.now);
    await record(
      run,
      task.node_id,
      'return',
      { target_node_id: input.target_node_id, ...attachmentDetails(attachments) },
      { taskId: task.id, comment },
    );
    audit(run, 'workflow.task.returned', task, input.target_node_id, comment);
    await moveToken(run, scope, { status: 'active', branches: 0, arrived: 0 });
    await runFrom(run, scope, target.branchId, target.index);
  });
}

/** The index, in the sequence `level` steps out, of the node enclosing `nodeId` there. */
function positionAt(run: EngineRun, nodeId: string, level: number): number {
  let place = run.index.places.get(nodeId);
  for (let i = 0; i < level && place?.containerId; i += 1) place = run.index.places.get(place.containerId);
  return place?.index ?? -1;
}

function descendants(tokens: repo.TokenRow[], rootId: string): string[] {
  const found: string[] = [];
  const walk = (id: string) => {
    for (const child of tokens.filter((t) => t.parent_id === id)) {
      found.push(child.id);
      walk(child.id);
    }
  };
  walk(rootId);
  return found;
}
