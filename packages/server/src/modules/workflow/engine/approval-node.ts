import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { ApprovalMode, ApprovalNode, FlowNode } from '../definitions/definition-model.js';
import { delegateTasks } from '../delegation/delegate-tasks.js';
import { fireListeners } from '../listeners/listeners-fire.js';
import { requestSignatures } from '../signature/signature-request.js';
import { scheduleSla } from '../sla/sla-schedule.js';
import type { TaskKind } from '../workflow.tables.js';
import { applyEmptyPolicy, resolveApprovers } from './approvers.js';
import { continueAfter, moveToken, record } from './engine.js';
import type { EngineRun } from './engine-run.js';
import { finishInstance, returnToInitiator } from './finish.js';
import * as repo from './instances.repository.js';
import { nodeOutcome } from './node-outcome.js';

type TaskNode = ApprovalNode | Extract<FlowNode, { type: 'signature' }>;

export function modeOf(node: TaskNode): { mode: ApprovalMode; percentage: number } {
  if (node.type === 'signature') return { mode: 'and', percentage: 100 };
  return { mode: node.mode ?? 'or', percentage: node.percentage ?? 100 };
}

/**
 * Opens an approval, handler or signature node: resolves the approvers (empty → the
 * node's policy), creates one task each (sequential: the first pending, the rest queued),
 * auto-approves those who approved the node just before when the definition dedupes, and
 * settles the node at once when that already decides it.
 */
export async function openApprovalNode(
  run: EngineRun,
  token: repo.TokenRow,
  node: TaskNode,
): Promise<'go' | 'stop'> {
  let users = await resolveApprovers(run, node.id, node.approvers);
  if (users.length === 0) {
    const outcome = await applyEmptyPolicy(
      run,
      node.type === 'signature' ? { action: 'reject' } : node.empty_policy,
    );
    await record(run, node.id, 'no_approver', { outcome: Object.keys(outcome)[0] }, { actorId: null });
    if ('pass' in outcome) return 'go';
    if ('reject' in outcome) {
      await finishInstance(run, 'rejected', node.id);
      return 'stop';
    }
    users = outcome.assign;
  }
  const kind: TaskKind = node.type;
  const { mode } = modeOf(node);
  const previous = run.body.dedupe_consecutive ? (decodeJson<string[]>(token.last_approvers) ?? []) : [];
  const tasks = users.map((user, seq): repo.TaskRow => {
    const isRepeat = kind === 'approval' && previous.includes(user);
    return {
      id: newId(),
      instance_id: run.instance.id,
      token_id: token.id,
      node_id: node.id,
      kind,
      assignee_id: user,
      status: isRepeat ? 'approved' : mode === 'sequential' && seq > 0 ? 'queued' : 'pending',
      seq,
      counts: 1,
      releases_task_id: null,
      comment: isRepeat ? 'Approved the previous node' : null,
      decided_by: isRepeat ? user : null,
      decided_at: isRepeat ? run.now : null,
      created_at: run.now,
    };
  });
  if (mode === 'sequential') promoteFirstQueued(tasks);
  if (!run.freshTokens.has(token.id)) await repo.retireEarlierRounds(run.trx, token.id, node.id);
  await delegateTasks(run, tasks);
  await repo.insertTasks(run.trx, tasks);
  if (node.type === 'signature') await requestSignatures(run, node, users);
  for (const task of tasks.filter((t) => t.status === 'approved'))
    await record(run, node.id, 'auto_approve', {}, { taskId: task.id, actorId: task.assignee_id });
  notePending(run, tasks, node);
  if (node.type !== 'signature') await scheduleSla(run, token, node);
  const settled = await settleNode(run, token, node, tasks);
  return settled === 'approved' ? 'go' : 'stop';
}

/** In sequential mode, after the approved ones the next queued task becomes pending. */
function promoteFirstQueued(tasks: repo.TaskRow[]): repo.TaskRow | null {
  if (tasks.some((t) => t.status === 'pending')) return null;
  const next = tasks.find((t) => t.status === 'queued');
  if (next) next.status = 'pending';
  return next ?? null;
}

function notePending(run: EngineRun, tasks: repo.TaskRow[], node: TaskNode): void {
  for (const task of tasks.filter((t) => t.status === 'pending'))
    run.assigned.set(task.assignee_id, { taskKind: task.kind, nodeName: node.name ?? node.id });
}

/**
 * Settles a node from its tasks' decisions: approved → the open tasks left are cancelled,
 * the approvers remembered for deduplication, and (unless `inline`) the token goes on;
 * rejected → the node's reject rule; open → in sequential mode the next approver's turn.
 * Returns the outcome; with `inline` (opening the node) the caller continues the walk.
 */
export async function settleNode(
  run: EngineRun,
  token: repo.TokenRow,
  node: TaskNode,
  tasks: repo.TaskRow[],
  inline = true,
): Promise<'approved' | 'rejected' | 'open'> {
  const { mode, percentage } = modeOf(node);
  const outcome = nodeOutcome(tasks, mode, percentage);
  if (outcome === 'open') {
    if (mode === 'sequential') {
      const next = promoteFirstQueued(tasks);
      if (next && !inline) {
        await repo.decideTask(run.trx, next.id, ['queued'], { status: 'pending' });
        notePending(run, [next], node);
      }
    }
    return outcome;
  }
  await repo.cancelOpenTasks(run.trx, run.instance.id, [token.id], run.now);
  await fireListeners(run, outcome, node.id);
  if (outcome === 'rejected') {
    const onReject = node.on_reject ?? 'end';
    if (onReject === 'initiator') await returnToInitiator(run, node.id);
    else await finishInstance(run, 'rejected', node.id);
    return outcome;
  }
  const approvers = tasks.filter((t) => t.status === 'approved' && t.counts === 1).map((t) => t.assignee_id);
  await moveToken(run, token, { last_approvers: encodeJson(node.type === 'approval' ? approvers : []) });
  if (!inline) await continueAfter(run, token, node.id);
  return outcome;
}
