import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/app-context.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import { type RecordVersion, registerSignableOperation } from '../../records/index.js';
import { indexDefinition } from '../definitions/definition-index.js';
import type { DefinitionBody, FlowNode } from '../definitions/definition-model.js';
import { findDefinition } from '../definitions/definitions.repository.js';
import * as repo from '../engine/instances.repository.js';
import { completeSignatureNode } from '../engine/signature-hook.js';
import { signatureErrors } from './signature.errors.js';

/** The records operation a Part 11 signature node's task is signed as (resource id: the task id). */
export const PART11_TASK = { resourceType: 'workflow_task', operationType: 'sign' } as const;

interface SignatureTask {
  task: repo.TaskRow;
  instance: repo.InstanceRow;
  meaning: string;
}

/** The task, its approval and the meaning its node asks for; only signature tasks of Part 11 nodes. */
async function signatureTask(db: DbOrTrx, taskId: string): Promise<SignatureTask> {
  const task = await repo.findTask(db, taskId);
  const instance = task && (await repo.findInstance(db, task.instance_id));
  if (!task || !instance || task.kind !== 'signature') throw notFound('Signature task');
  const definition = await findDefinition(db, instance.definition_id);
  const body = decodeJson<DefinitionBody>(definition?.body ?? '{}');
  const node = body && indexDefinition(body.process).places.get(task.node_id)?.node;
  const meaning = (node as Extract<FlowNode, { type: 'signature' }> | undefined)?.meaning;
  if (!meaning) throw notFound('Signature task');
  return { task, instance, meaning };
}

/**
 * What is signed: the approval as it stands (id, title, form) and the task. Version 1: a task
 * is signed once; the hash changes if the approval's content does, so a stale screen fails.
 */
async function currentRecord(db: DbOrTrx, _ctx: AppContext, taskId: string): Promise<RecordVersion> {
  const { task, instance } = await signatureTask(db, taskId);
  const content = JSON.stringify([instance.id, instance.title, instance.form_data, task.node_id, task.id]);
  return { version: '1', sha256: createHash('sha256').update(content, 'utf8').digest('hex') };
}

async function assertSigner(db: DbOrTrx, _ctx: AppContext, actor: Actor, taskId: string): Promise<void> {
  const { task, instance } = await signatureTask(db, taskId);
  if (task.assignee_id !== actor.userId || task.status !== 'pending' || instance.status !== 'running')
    throw domainError(signatureErrors.NOT_YOUR_SIGNATURE_TASK, 'This is not your open signature task');
}

/** In the records signature's transaction: the meaning must be the node's; then the task completes. */
async function onSigned(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  signed: { signatureId: string; userId: string; resourceId: string; meaning: string },
): Promise<void> {
  const { task, meaning } = await signatureTask(trx, signed.resourceId);
  if (signed.meaning !== meaning)
    throw domainError(
      signatureErrors.SIGNATURE_MEANING_MISMATCH,
      `This signature node asks for the meaning ${meaning}`,
      {
        details: { expected: meaning, given: signed.meaning },
      },
    );
  await completeSignatureNode(trx, ctx, actor, {
    instance_id: task.instance_id,
    node_id: task.node_id,
    user_id: signed.userId,
    outcome: 'signed',
    reference: signed.signatureId,
  });
}

registerSignableOperation({
  ...PART11_TASK,
  module: 'workflow',
  description: 'Sign an approval task of a Part 11 signature node (docs/workflow.md)',
  currentRecord,
  assertSigner,
  onSigned,
});
