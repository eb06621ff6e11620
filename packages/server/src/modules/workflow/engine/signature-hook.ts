import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Trx } from '../../../platform/db/schema.js';
import { domainError } from '../../../platform/errors.js';
import { workflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import { claimTask, settle } from './decide.js';
import { record } from './engine.js';
import { auditStep } from './engine-run.js';
import * as repo from './instances.repository.js';
import { endStep, loadRun } from './load-run.js';

export interface SignatureCompletion {
  instance_id: string;
  node_id: string;
  /** The signer whose task this completes. */
  user_id: string;
  /** signed: the signature exists (e.g. a Part 11 manifestation); declined: the signer refused. */
  outcome: 'signed' | 'declined';
  /** The signing module's own reference (request or signature id), kept in the record. */
  reference: string;
}

/**
 * The completion hook of a signature node, for the module that performs the signature
 * (signing requests, Part 11 records): in the caller's transaction it completes the
 * signer's waiting task (signed = approved, declined = rejected) and settles the node like
 * an approval (every signer must sign). A task not open answers 40953; a second call for a
 * task already completed the same way changes nothing.
 */
export async function completeSignatureNode(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  completion: SignatureCompletion,
): Promise<'completed' | 'replayed'> {
  const deps = workflowDeps(ctx);
  const run = await loadRun(trx, deps, actor, completion.instance_id);
  const tasks = await repo.tasksOf(trx, run.instance.id);
  const task = tasks.find(
    (t) => t.node_id === completion.node_id && t.kind === 'signature' && t.assignee_id === completion.user_id,
  );
  if (!task)
    throw domainError(workflowErrors.TARGET_INVALID, 'No signature task for that signer at that node');
  const status = completion.outcome === 'signed' ? 'approved' : 'rejected';
  if (task.status === status) return 'replayed';
  await claimTask(run, task, {
    status,
    decided_by: completion.user_id,
    decided_at: run.now,
    comment: completion.reference,
  });
  await record(
    run,
    task.node_id,
    completion.outcome,
    { reference: completion.reference },
    {
      taskId: task.id,
      actorId: completion.user_id,
    },
  );
  auditStep(run, {
    type: 'workflow.signature.completed',
    entityId: run.instance.id,
    payload: {
      node_id: task.node_id,
      task_id: task.id,
      comment: completion.outcome,
      target: completion.reference,
    },
  });
  await settle(run, task);
  await endStep(run);
  return 'completed';
}
