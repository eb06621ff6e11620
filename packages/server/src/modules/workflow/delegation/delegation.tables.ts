/** Out-of-office rules (migrations/2026_12_11_0130_workflow_delegations.ts). */
export interface WorkflowDelegationsTable {
  id: string;
  /** The absent person. */
  user_id: string;
  delegate_id: string;
  /** [starts_at, ends_at): ISO instants. */
  starts_at: string;
  ends_at: string;
  reason: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    workflow_delegations: WorkflowDelegationsTable;
  }
}
