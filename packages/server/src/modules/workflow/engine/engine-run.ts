import type { Actor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { IntegrationEvent } from '../../webhooks/index.js';
import type { DefinitionIndex } from '../definitions/definition-index.js';
import type { DefinitionBody } from '../definitions/definition-model.js';
import type { DefinitionRow } from '../definitions/definitions.repository.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { compiledDefinition } from './compiled-definitions.js';
import type { InstanceRow, TaskRow } from './instances.repository.js';

/** One engine step's world: the transaction, the acting actor, the instance and its definition version. */
export interface EngineRun {
  trx: Trx;
  deps: WorkflowDeps;
  actor: Actor;
  instance: InstanceRow;
  body: DefinitionBody;
  index: DefinitionIndex;
  form: Record<string, unknown>;
  chosen: Record<string, string[]>;
  now: string;
  /** Users told about new tasks in this step (notified once, at the end of the step). */
  assigned: Map<string, { taskKind: string; nodeName: string }>;
  /** Tokens created in this step: they hold no tasks yet, so there is no earlier round to retire. */
  freshTokens: Set<string>;
  /** The step's integration events, written in one statement when the step ends (endStep). */
  outbox: IntegrationEvent[];
  /** The instance's tasks as the step found them, shared by the visibility check and the task lookup (stepTasks). */
  foundTasks?: Promise<TaskRow[]>;
}

export function engineRun(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  instance: InstanceRow,
  definition: DefinitionRow,
): EngineRun {
  const { body, index } = compiledDefinition(definition);
  return {
    trx,
    deps,
    actor,
    instance,
    body,
    index,
    form: decodeJson<Record<string, unknown>>(instance.form_data) ?? {},
    chosen: decodeJson<Record<string, string[]>>(instance.chosen_approvers) ?? {},
    now: deps.clock.now().toISOString(),
    assigned: new Map(),
    freshTokens: new Set(),
    outbox: [],
  };
}
