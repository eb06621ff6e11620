import type { Actor } from '../../../platform/actor.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import type { DataScope } from '../../identity/index.js';
import { findDefinition, publishedOf } from '../definitions/definitions.repository.js';
import { compiledDefinition } from '../engine/compiled-definitions.js';
import { assertRunning, type Decision, decide, stepTasks, taskFor } from '../engine/decide.js';
import { newToken, record, runFrom } from '../engine/engine.js';
import { auditStep, type EngineRun } from '../engine/engine-run.js';
import { finishInstance } from '../engine/finish.js';
import * as repo from '../engine/instances.repository.js';
import { endStep, loadRun } from '../engine/load-run.js';
import { createInstance } from '../engine/start.js';
import { tellParticipants, urgeApprovers } from '../engine/workflow-messages.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import { assertInitiator, assertVisible } from './approvals.policy.js';
import { attachmentDetails, type CommentInput, checkedAttachments } from './attachments.js';
import { checkFieldEdits, saveFieldEdits } from './field-edits.js';
import { assertFormData } from './form-data.js';

/**
 * The approval commands (seed 001 §5.5): each loads the instance on its own definition
 * version, checks who may act, changes state race-safely, writes the record, the audit
 * event and the notifications in the caller's transaction, and ends the engine step.
 */
export interface StartCommand {
  definition_key?: string;
  definition_id?: string;
  title: string;
  form_data: Record<string, unknown>;
  chosen_approvers?: Record<string, string[]>;
  business_type?: string | null;
  business_id?: string | null;
}

export async function startApproval(trx: Trx, deps: WorkflowDeps, actor: Actor, input: StartCommand) {
  const definition = input.definition_id
    ? await findDefinition(trx, input.definition_id)
    : await publishedOf(trx, input.definition_key ?? '');
  if (!definition) throw notFound('Workflow definition');
  if (definition.status !== 'published')
    throw domainError(
      workflowErrors.DEFINITION_NOT_PUBLISHED,
      `Version ${definition.version} is ${definition.status}`,
    );
  const { body } = compiledDefinition(deps, definition);
  assertFormData(body.form.fields, input.form_data);
  const instance = await createInstance(trx, deps, actor, {
    definition,
    applicantId: actor.userId as string,
    title: input.title,
    formData: input.form_data,
    chosenApprovers: input.chosen_approvers ?? {},
    businessType: input.business_type ?? null,
    businessId: input.business_id ?? null,
    parentTokenId: null,
  });
  return instance.id;
}

async function step<T>(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  work: (run: EngineRun) => Promise<T>,
): Promise<T> {
  const run = await loadRun(trx, deps, actor, id);
  await assertVisible(trx, actor, run.instance, () => stepTasks(run));
  const result = await work(run);
  await endStep(run);
  return result;
}

export interface DecideCommand {
  decision: Decision;
  task_id?: string;
  comment?: string | null;
  /** Changed form values (approve only): fields the node grants edit (approvals/field-edits.ts). */
  form_changes?: Record<string, unknown>;
  /** Document ids the actor may read (approvals/attachments.ts). */
  attachments?: string[];
  /** The actor's data scope, for the attachments. */
  scope?: DataScope;
  /** Where the decision was made when not on the web or the API (`im:feishu`), kept in the record. */
  channel?: string;
}

export function decideApproval(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  command: DecideCommand,
) {
  return step(trx, deps, actor, id, async (run) => {
    const task = await taskFor(run, actor.userId as string, command.task_id);
    const declines =
      task.kind === 'signature' && command.decision === 'reject' && isPart11Node(run, task.node_id);
    if ((task.kind === 'signature' && !declines) || task.kind === 'cc')
      throw domainError(workflowErrors.TARGET_INVALID, `A ${task.kind} task is not approved here`);
    if (declines && !command.comment?.trim())
      throw domainError(workflowErrors.DECLINE_REASON_REQUIRED, 'Give a reason to decline this signature');
    const attachments = await checkedAttachments(trx, actor, command.scope, command.attachments);
    const details: Record<string, unknown> = attachmentDetails(attachments);
    // A repeat of a decision (the task is no longer pending) changes no data: decide answers it.
    if (command.form_changes && task.status === 'pending') {
      const edits = checkFieldEdits(run, task.node_id, command.form_changes);
      await saveFieldEdits(run, task.id, task.node_id, edits);
      if (edits.changed.length > 0) details.field_changes = edits.changed;
    }
    if (declines) details.signature_declined = true;
    if (command.channel) details.channel = command.channel;
    return decide(run, task, command.decision, command.comment ?? null, details);
  });
}

/** The initiator takes a running (or returned) approval back; every open task closes. */
export function withdrawApproval(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: CommentInput,
) {
  return step(trx, deps, actor, id, async (run) => {
    assertInitiator(actor, run.instance);
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    await finishInstance(run, 'withdrawn', null, input.comment ?? null, attachmentDetails(attachments));
  });
}

/** A returned approval starts again from the start node, with the form data changed or kept. */
export function resubmitApproval(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: { form_data?: Record<string, unknown> } & CommentInput,
) {
  return step(trx, deps, actor, id, async (run) => {
    assertInitiator(actor, run.instance);
    if (input.form_data) assertFormData(run.body.form.fields, input.form_data);
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    const form = input.form_data ?? run.form;
    const changes = { status: 'running' as const, form_data: encodeJson(form), updated_at: run.now };
    if (!(await repo.moveInstance(trx, run.instance.id, ['returned'], changes)))
      throw domainError(workflowErrors.INSTANCE_NOT_RUNNING, 'Only a returned approval is resubmitted');
    Object.assign(run.instance, changes);
    run.form = form;
    await record(run, null, 'resubmit', attachmentDetails(attachments), { comment: input.comment ?? null });
    auditStep(run, {
      type: 'workflow.instance.resubmitted',
      entityId: run.instance.id,
      payload: { node_id: null, task_id: null, comment: input.comment ?? null, target: null },
      before: { status: 'returned' },
      after: { status: 'running' },
    });
    const token = newToken(run, {
      parent_id: null,
      branch_id: null,
      node_id: run.body.process[0]?.id ?? 'start',
    });
    await repo.insertToken(trx, token);
    await runFrom(run, token, null, 0);
  });
}

/** Reminds the pending approvers; at most once per urge interval (race-safe, 40957). */
export function urgeApproval(trx: Trx, deps: WorkflowDeps, actor: Actor, id: string) {
  return step(trx, deps, actor, id, async (run) => {
    assertInitiator(actor, run.instance);
    assertRunning(run);
    const before = new Date(Date.parse(run.now) - deps.urgeIntervalMs).toISOString();
    if (!(await repo.markUrged(trx, run.instance.id, run.now, before)))
      throw domainError(
        workflowErrors.URGE_TOO_SOON,
        'This approval was urged a moment ago; try again later',
        {
          details: { last_urged_at: run.instance.last_urged_at },
        },
      );
    const pending = (await repo.tasksOf(trx, run.instance.id)).filter((t) => t.status === 'pending');
    const users = [...new Set(pending.map((t) => t.assignee_id))];
    await urgeApprovers(run, users);
    await record(run, null, 'urge', { user_ids: users });
    auditStep(run, {
      type: 'workflow.instance.urged',
      entityId: run.instance.id,
      payload: { node_id: null, task_id: null, comment: null, target: users.join(',') || null },
    });
    return users;
  });
}

/**
 * A participant's comment on the timeline, with documents the commenter may read attached;
 * every other participant is told in the inbox.
 */
export function commentOnApproval(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: { comment: string; attachments?: string[]; scope?: DataScope },
) {
  return step(trx, deps, actor, id, async (run) => {
    const attachments = await checkedAttachments(trx, actor, input.scope, input.attachments);
    await record(run, null, 'comment', attachmentDetails(attachments), {
      comment: input.comment,
    });
    auditStep(run, {
      type: 'workflow.task.commented',
      entityId: run.instance.id,
      payload: { node_id: null, task_id: null, comment: input.comment, target: null },
    });
    const tasks = await repo.tasksOf(trx, run.instance.id);
    const others = new Set([run.instance.applicant_id, ...tasks.map((t) => t.assignee_id)]);
    others.delete(actor.userId as string);
    await tellParticipants(run, [...others], input.comment);
  });
}

/** A CC recipient marks their copies read (once; a repeat changes nothing). */
export function markCcRead(trx: Trx, deps: WorkflowDeps, actor: Actor, id: string) {
  return step(trx, deps, actor, id, async (run) => {
    const copies = (await repo.tasksOf(trx, run.instance.id)).filter(
      (t) => t.kind === 'cc' && t.assignee_id === actor.userId && t.status === 'unread',
    );
    for (const copy of copies) {
      if (!(await repo.decideTask(trx, copy.id, ['unread'], { status: 'read', decided_at: run.now })))
        continue;
      await record(run, copy.node_id, 'cc_read', {}, { taskId: copy.id });
      auditStep(run, {
        type: 'workflow.task.cc_read',
        entityId: run.instance.id,
        payload: { node_id: copy.node_id, task_id: copy.id, comment: null, target: null },
      });
    }
    return copies.length;
  });
}

/** A signature node with a meaning (Part 11): its signer may decline through reject. */
function isPart11Node(run: EngineRun, nodeId: string): boolean {
  const node = run.index.places.get(nodeId)?.node;
  return node?.type === 'signature' && Boolean(node.meaning);
}
