import type { AppContext } from '../../../platform/app-context.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { JobDefinition } from '../../../platform/jobs/index.js';
import type { WorkflowEvent, WorkflowListener } from './listener-model.js';

/**
 * Actions listeners may name, registered at import time by the module that owns them (like
 * job definitions and signable operations): the built-ins (notify, emit, job) and any other
 * module's (e.g. a config-change module applying the approved change). A handler runs in the
 * listener job's transaction; throwing fails the job, which retries.
 */
export type WorkflowActionHandler = (
  trx: Trx,
  ctx: AppContext,
  event: WorkflowEvent,
  listener: WorkflowListener,
) => Promise<void>;

const actions = new Map<string, WorkflowActionHandler>();
const jobs = new Map<string, JobDefinition<WorkflowEvent>>();
const namePattern = /^[a-z][a-z0-9_.-]{0,63}$/;

export function registerWorkflowAction(name: string, handler: WorkflowActionHandler): void {
  if (!namePattern.test(name))
    throw new Error(`workflow action ${JSON.stringify(name)}: lower-case name ≤ 64`);
  const existing = actions.get(name);
  if (existing && existing !== handler) throw new Error(`workflow action ${name} is registered already`);
  actions.set(name, handler);
}

export function workflowAction(name: string): WorkflowActionHandler | undefined {
  return actions.get(name);
}

/**
 * A job a listener may enqueue (`action: job`, `job: <name>`), with the event as its payload.
 * The owning module also lists the definition in its ModuleDefinition's jobs, as usual.
 */
export function registerWorkflowJob(definition: JobDefinition<WorkflowEvent>): void {
  jobs.set(definition.name, definition);
}

export function workflowJob(name: string): JobDefinition<WorkflowEvent> | undefined {
  return jobs.get(name);
}
