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

/** Lock row per absent person (migrations/2026_12_12_0210_workflow_delegation_owners.ts). */
export interface WorkflowDelegationOwnersTable {
  user_id: string;
  /** Bumped by every rule created for the person; the upsert takes the row lock. */
  rev: number;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    workflow_delegations: WorkflowDelegationsTable;
    workflow_delegation_owners: WorkflowDelegationOwnersTable;
  }
}
