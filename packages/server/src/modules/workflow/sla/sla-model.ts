/**
 * A node's service levels (docs/workflow.md "SLAs"), on approval and handler nodes: seconds
 * after the node opened, each run by a job that does nothing if the node was decided meanwhile.
 */
export type EscalationTarget =
  | { type: 'user'; user_id: string }
  /** The late approver's own department head, N levels up. */
  | { type: 'department_head'; levels: number };

export interface NodeSla {
  /** The pending approvers get a reminder. */
  remind_after?: number;
  /** Each pending task is handed to the target (recorded like a transfer, by the system). */
  escalate_after?: number;
  escalate_to?: EscalationTarget;
  /** The pending tasks are decided by the system: approve or reject. */
  timeout_after?: number;
  on_timeout?: 'approve' | 'reject';
}

export const slaKinds = ['remind', 'escalate', 'timeout'] as const;
export type SlaKind = (typeof slaKinds)[number];

export const MAX_SLA_SECONDS = 366 * 24 * 3600;
