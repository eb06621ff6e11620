import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { DefinitionRow } from '../definitions/definitions.repository.js';
import { fireListeners } from '../listeners/listeners-fire.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { newToken, record, runFrom } from './engine.js';
import { auditStep, engineRun } from './engine-run.js';
import * as repo from './instances.repository.js';
import { endStep } from './load-run.js';

export interface StartInput {
  definition: DefinitionRow;
  applicantId: string;
  title: string;
  formData: Record<string, unknown>;
  chosenApprovers: Record<string, string[]>;
  businessType: string | null;
  businessId: string | null;
  parentTokenId: string | null;
}

/**
 * Creates an instance on a definition version and runs it from the start node until the
 * first node that waits (or the end). The instance keeps that version for its whole life.
 */
export async function createInstance(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  input: StartInput,
): Promise<repo.InstanceRow> {
  const now = deps.clock.now().toISOString();
  const instance: repo.InstanceRow = {
    id: newId(),
    definition_id: input.definition.id,
    title: input.title,
    business_type: input.businessType,
    business_id: input.businessId,
    form_data: encodeJson(input.formData),
    chosen_approvers: encodeJson(input.chosenApprovers),
    status: 'running',
    applicant_id: input.applicantId,
    parent_token_id: input.parentTokenId,
    last_urged_at: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await repo.insertInstance(trx, instance);
  const run = engineRun(trx, deps, actor, instance, input.definition);
  auditStep(run, {
    type: 'workflow.instance.started',
    entityId: instance.id,
    payload: { node_id: null, task_id: null, comment: null, target: input.definition.key },
    after: { status: 'running', definition_id: input.definition.id, version: input.definition.version },
  });
  await record(run, null, 'start', {
    definition_key: input.definition.key,
    version: input.definition.version,
  });
  await fireListeners(run, 'started', null);
  const token = newToken(run, {
    parent_id: null,
    branch_id: null,
    node_id: run.body.process[0]?.id ?? 'start',
  });
  await repo.insertToken(trx, token);
  await runFrom(run, token, null, 0);
  await endStep(run);
  return run.instance;
}
