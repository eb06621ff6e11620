import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import { usersByIds } from '../../identity/index.js';
import { sequenceOf } from '../definitions/definition-index.js';
import type { FlowNode } from '../definitions/definition-model.js';
import { fireListeners } from '../listeners/listeners-fire.js';
import { openApprovalNode } from './approval-node.js';
import { resolveApprovers } from './approvers.js';
import { matches } from './conditions.js';
import { delayJob } from './delay.jobs.js';
import type { EngineRun } from './engine-run.js';
import { finishInstance } from './finish.js';
import * as repo from './instances.repository.js';
import { startSubprocess } from './subprocess.js';

/**
 * The walk through the node tree. A token runs a sequence node by node until a node makes
 * it wait (a task, a delay, a subprocess, parallel branches) or the process ends; at the
 * end of a branch a condition's token goes on after the condition node, a parallel
 * branch's token arrives at the join, and the last one to arrive moves the parent on.
 */
export async function runFrom(
  run: EngineRun,
  token: repo.TokenRow,
  branchId: string | null,
  from: number,
): Promise<void> {
  const sequence = sequenceOf(run.index, branchId);
  for (let position = from; position < sequence.length; position += 1) {
    if (run.instance.status !== 'running') return;
    const node = sequence[position] as FlowNode;
    await moveToken(run, token, { node_id: node.id, branch_id: branchId, status: 'active' });
    await fireListeners(run, 'node_entered', node.id);
    if ((await enterNode(run, token, node)) === 'stop') return;
  }
  await leaveBranch(run, token, branchId);
}

/** Goes on after `nodeId`, in the sequence that holds it. */
export async function continueAfter(run: EngineRun, token: repo.TokenRow, nodeId: string): Promise<void> {
  const place = run.index.places.get(nodeId);
  if (!place) throw new Error(`node ${nodeId} is not in the definition`);
  await runFrom(run, token, place.branchId, place.index + 1);
}

export async function moveToken(
  run: EngineRun,
  token: repo.TokenRow,
  changes: Partial<
    Pick<repo.TokenRow, 'node_id' | 'branch_id' | 'status' | 'branches' | 'arrived' | 'last_approvers'>
  >,
): Promise<void> {
  // A token this step already wrote (updated_at = now) that would not change is not written
  // again: a new token is inserted at its first node, which the walk then enters.
  const isSame =
    token.updated_at === run.now &&
    Object.entries(changes).every(([k, v]) => token[k as keyof repo.TokenRow] === v);
  if (isSame && run.freshTokens.has(token.id)) return;
  Object.assign(token, changes, { updated_at: run.now });
  await repo.updateToken(run.trx, token.id, { ...changes, updated_at: run.now });
}

async function leaveBranch(run: EngineRun, token: repo.TokenRow, branchId: string | null): Promise<void> {
  if (branchId === null) {
    // Validation puts an end node last; a process that runs off the end still finishes.
    await finishInstance(run, 'approved', null);
    return;
  }
  const containerId = run.index.branches.get(branchId)?.containerId as string;
  const container = run.index.places.get(containerId)?.node as FlowNode;
  if (container.type === 'condition') return continueAfter(run, token, containerId);
  await moveToken(run, token, { status: 'joined' });
  const parentId = token.parent_id as string;
  const arrived = await repo.arriveAtJoin(run.trx, parentId);
  const parent = (await repo.findToken(run.trx, parentId)) as repo.TokenRow;
  if (arrived < parent.branches || parent.status !== 'waiting') return;
  await moveToken(run, parent, { status: 'active' });
  await continueAfter(run, parent, containerId);
}

async function enterNode(run: EngineRun, token: repo.TokenRow, node: FlowNode): Promise<'go' | 'stop'> {
  switch (node.type) {
    case 'start':
      return 'go';
    case 'end':
      await finishInstance(run, 'approved', node.id);
      return 'stop';
    case 'approval':
    case 'handler':
    case 'signature':
      return openApprovalNode(run, token, node);
    case 'cc':
      await copyTo(run, token, node);
      return 'go';
    case 'condition': {
      const facts = { form: run.form, initiator: await initiatorFacts(run) };
      const branch =
        node.branches.find((b) => !b.default && b.when && matches(b.when, facts)) ??
        (node.branches.find((b) => b.default) as (typeof node.branches)[number]);
      await record(run, node.id, 'route', { branch_id: branch.id });
      await runFrom(run, token, branch.id, 0);
      return 'stop';
    }
    case 'parallel':
      await moveToken(run, token, { status: 'waiting', branches: node.branches.length, arrived: 0 });
      for (const branch of node.branches) {
        const child = newToken(run, { parent_id: token.id, branch_id: branch.id, node_id: node.id });
        await repo.insertToken(run.trx, child);
        await runFrom(run, child, branch.id, 0);
      }
      return 'stop';
    case 'subprocess':
      await moveToken(run, token, { status: 'waiting' });
      await startSubprocess(run, token, node);
      return 'stop';
    case 'delay':
      await moveToken(run, token, { status: 'waiting' });
      await run.deps.jobs.enqueue(
        run.trx,
        delayJob,
        { token_id: token.id, node_id: node.id },
        { delayMs: node.seconds * 1000, idempotencyKey: `${token.id}:${node.id}:${run.now}` },
      );
      return 'stop';
  }
}

export function newToken(
  run: EngineRun,
  at: { parent_id: string | null; branch_id: string | null; node_id: string },
): repo.TokenRow {
  const id = newId();
  run.freshTokens.add(id);
  return {
    id,
    instance_id: run.instance.id,
    ...at,
    status: 'active',
    branches: 0,
    arrived: 0,
    rev: 0,
    last_approvers: encodeJson([]),
    created_at: run.now,
    updated_at: run.now,
  };
}

async function copyTo(
  run: EngineRun,
  token: repo.TokenRow,
  node: Extract<FlowNode, { type: 'cc' }>,
): Promise<void> {
  const users = await resolveApprovers(run, node.id, node.recipients);
  await repo.insertTasks(
    run.trx,
    users.map((user, seq) => ({
      id: newId(),
      instance_id: run.instance.id,
      token_id: token.id,
      node_id: node.id,
      kind: 'cc' as const,
      assignee_id: user,
      status: 'unread' as const,
      seq,
      counts: 0,
      releases_task_id: null,
      comment: null,
      decided_by: null,
      decided_at: null,
      created_at: run.now,
    })),
  );
  for (const user of users) run.assigned.set(user, { taskKind: 'cc', nodeName: node.name ?? node.id });
  await record(run, node.id, 'cc', { user_ids: users });
}

async function initiatorFacts(run: EngineRun) {
  const user = (await usersByIds(run.trx, [run.instance.applicant_id])).get(run.instance.applicant_id);
  return { id: run.instance.applicant_id, department_id: user?.department_id ?? null };
}

/** Appends to the approval record (approval_record of seed 001 §5.5). */
export async function record(
  run: EngineRun,
  nodeId: string | null,
  action: string,
  details: Record<string, unknown> = {},
  extra: { taskId?: string | null; comment?: string | null; actorId?: string | null } = {},
): Promise<void> {
  await repo.insertRecord(run.trx, {
    id: newId(),
    instance_id: run.instance.id,
    node_id: nodeId,
    task_id: extra.taskId ?? null,
    actor_id: extra.actorId === undefined ? run.actor.userId : extra.actorId,
    action,
    comment: extra.comment ?? null,
    details: encodeJson(details),
    created_at: run.now,
  });
}
