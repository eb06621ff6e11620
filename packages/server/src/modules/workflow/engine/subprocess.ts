import { domainError } from '../../../platform/errors.js';
import type { FlowNode } from '../definitions/definition-model.js';
import { publishedOf } from '../definitions/definitions.repository.js';
import { workflowErrors } from '../workflow.errors.js';
import { continueAfter, moveToken, record } from './engine.js';
import { type EngineRun, flushAudit } from './engine-run.js';
import { finishInstance } from './finish.js';
import * as repo from './instances.repository.js';
import { endStep, loadRun } from './load-run.js';
import { createInstance } from './start.js';

/**
 * A subprocess node starts the published version of another definition for the same
 * initiator with the same form data; its token waits until the child ends. An approved
 * child moves the parent on, any other end rejects the parent.
 */
export async function startSubprocess(
  run: EngineRun,
  token: repo.TokenRow,
  node: Extract<FlowNode, { type: 'subprocess' }>,
): Promise<void> {
  const definition = await publishedOf(run.trx, node.definition_key);
  if (!definition)
    throw domainError(
      workflowErrors.DEFINITION_NOT_PUBLISHED,
      `Subprocess ${node.id}: definition ${node.definition_key} has no published version`,
    );
  // The child's events are written when its first step ends: this step's go before them.
  await flushAudit(run);
  const child = await createInstance(run.trx, run.deps, run.actor, {
    definition,
    applicantId: run.instance.applicant_id,
    title: `${run.instance.title} / ${node.name ?? definition.name}`,
    formData: run.form,
    chosenApprovers: run.chosen,
    businessType: run.instance.business_type,
    businessId: run.instance.business_id,
    parentTokenId: token.id,
  });
  await record(run, node.id, 'subprocess', { child_instance_id: child.id });
}

export async function resumeParent(
  run: EngineRun,
  parentTokenId: string,
  isApproved: boolean,
): Promise<void> {
  const token = await repo.findToken(run.trx, parentTokenId);
  if (token?.status !== 'waiting') return;
  // The parent's step ends (and writes its events) before this one: this one's go first.
  await flushAudit(run);
  const parent = await loadRun(run.trx, run.deps, run.actor, token.instance_id);
  if (parent.instance.status !== 'running') return;
  if (isApproved) {
    await moveToken(parent, token, { status: 'active' });
    await continueAfter(parent, token, token.node_id);
  } else await finishInstance(parent, 'rejected', token.node_id);
  await endStep(parent);
}
