import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { webhooks } from '../../webhooks/index.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { runVersion } from './compiled-definitions.js';
import { type EngineRun, engineRun, flushAudit } from './engine-run.js';
import * as repo from './instances.repository.js';
import { notifyAssigned } from './workflow-messages.js';

/** An engine run on a stored instance, on the definition version it started with. */
export async function loadRun(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  instanceId: string,
): Promise<EngineRun> {
  const instance = await repo.findInstance(trx, instanceId);
  if (!instance) throw notFound('Approval');
  const definition = await runVersion(trx, deps, instance.definition_id);
  if (!definition) throw notFound('Workflow definition');
  return engineRun(trx, deps, actor, instance, definition.row);
}

/**
 * Ends a step: writes its audit events (one append), tells the people who got a task or a
 * copy in it (once each) and writes the step's integration events (one outbox statement).
 */
export async function endStep(run: EngineRun): Promise<void> {
  await flushAudit(run);
  await notifyAssigned(run);
  run.assigned.clear();
  const events = run.outbox.splice(0);
  await webhooks.emitMany(run.trx, run.deps.ctx, events);
}
