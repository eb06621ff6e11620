import type { ApproverRule } from '../definitions/definition-model.js';

/**
 * Listeners of a definition (docs/workflow.md "Listeners"): on an event of an approval, an
 * action runs through the job runtime after the step that caused it commits.
 */
export const listenerEvents = [
  'started',
  'node_entered',
  'approved',
  'rejected',
  'completed',
  'withdrawn',
] as const;
export type ListenerEvent = (typeof listenerEvents)[number];

export interface WorkflowListener {
  on: ListenerEvent;
  /** node_entered/approved/rejected: only at this node; approved/rejected without it: the approval's outcome. */
  node_id?: string;
  /** `notify`, `emit`, `job` or a name other modules registered (registerWorkflowAction). */
  action: string;
  /** notify: who is told (approver rules, resolved when the listener runs). */
  recipients?: ApproverRule[];
  /** job: a job registered with registerWorkflowJob. */
  job?: string;
  /** Free settings for a registered action (JSON). */
  settings?: Record<string, unknown>;
}

/** What an action receives: the event and the approval it happened to. */
export interface WorkflowEvent {
  event: ListenerEvent;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  node_id: string | null;
  /** The approval's status when the event happened. */
  status: string;
  title: string;
  business_type: string | null;
  business_id: string | null;
  occurred_at: string;
}
