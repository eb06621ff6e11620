import type { Actor } from '../../../platform/actor.js';
import type { AuditEventWith } from '../../../platform/audit-trail.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { IntegrationEvent } from '../../webhooks/index.js';
import type { DefinitionIndex } from '../definitions/definition-index.js';
import type { DefinitionBody } from '../definitions/definition-model.js';
import type { DefinitionRow } from '../definitions/definitions.repository.js';
import type { WorkflowAuditEvent } from '../workflow.catalogue.js';
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
  /**
   * The step's audit events, in the order they happened, written in one append (one head
   * lock, one insert, one head move) when the step ends (endStep), or earlier by flushAudit.
   */
  audited: AuditEventWith<WorkflowAuditEvent>[];
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
  const { body, index } = compiledDefinition(deps, definition);
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
    audited: [],
  };
}

/** Queues an audit event of the step (by the run's actor); endStep writes the queue. */
export function auditStep(run: EngineRun, event: AuditEventWith<WorkflowAuditEvent>): void {
  run.audited.push(event);
}

/**
 * Writes the step's queued audit events now, in order. endStep does it; a step that hands
 * over to another run in the same transaction (a subprocess started or finished) calls it
 * first, so the audit chain holds the events in the order they happened.
 */
export async function flushAudit(run: EngineRun): Promise<void> {
  if (run.audited.length === 0) return;
  const events = run.audited.splice(0);
  await run.deps.audit.recordAll(run.trx, run.actor, events);
}
