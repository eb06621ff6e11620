/** Kysely types of the workflow tables (columns and their rules: migrations/2026_12_10_0500_workflow.ts). */
export type DefinitionStatus = 'draft' | 'published' | 'archived';
export type InstanceStatus = 'running' | 'approved' | 'rejected' | 'withdrawn' | 'returned';
export type TokenStatus = 'active' | 'waiting' | 'joined' | 'done' | 'cancelled';
export type TaskKind = 'approval' | 'handler' | 'cc' | 'signature';
export type TaskStatus =
  | 'pending'
  | 'queued'
  | 'waiting'
  | 'approved'
  | 'rejected'
  | 'transferred'
  | 'cancelled'
  | 'unread'
  | 'read';

export interface WorkflowDefinitionsTable {
  id: string;
  /** Versions of one definition share the key. */
  key: string;
  version: number;
  name: string;
  description: string | null;
  status: DefinitionStatus;
  /** The typed node tree and form (JSON, definitions/definition-model.ts). */
  body: string;
  /** Seed-compatible flat graph derived from body (JSON). */
  nodes: string;
  edges: string;
  created_by: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowInstancesTable {
  id: string;
  definition_id: string;
  title: string;
  business_type: string | null;
  business_id: string | null;
  form_data: string;
  /** Initiator's choice of approvers per node id (JSON). */
  chosen_approvers: string;
  status: InstanceStatus;
  applicant_id: string;
  /** The subprocess node's token of the parent instance that waits for this one. */
  parent_token_id: string | null;
  last_urged_at: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface WorkflowTokensTable {
  id: string;
  instance_id: string;
  parent_id: string | null;
  /** The parallel/condition branch whose sequence this token walks (null: the top level). */
  branch_id: string | null;
  node_id: string;
  status: TokenStatus;
  branches: number;
  arrived: number;
  /** Bumped by every decision: the row lock that serializes decisions on one node. */
  rev: number;
  /** Who approved the node this token passed last (JSON), for deduplicating consecutive approvers. */
  last_approvers: string;
  created_at: string;
  updated_at: string;
}

export interface WorkflowTasksTable {
  id: string;
  instance_id: string;
  token_id: string;
  node_id: string;
  kind: TaskKind;
  assignee_id: string;
  status: TaskStatus;
  /** Order within the node (sequential mode). */
  seq: number;
  /**
   * 1: counts towards the node's mode; 0: an add-sign-before gate (must approve first,
   * not counted); 2: added after an approver (counted, and must approve); -1: a task of
   * an earlier round of the node (before a return or resubmit), kept for the record only.
   */
  counts: number;
  /** The task that goes from waiting to pending when this one is approved (add-sign). */
  releases_task_id: string | null;
  comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  /** The absent person this task was created for, when a delegation rule handed it on (migration 2026_12_11_0130). */
  on_behalf_of?: string | null;
}

export interface WorkflowRecordsTable {
  id: string;
  instance_id: string;
  node_id: string | null;
  task_id: string | null;
  actor_id: string | null;
  action: string;
  comment: string | null;
  details: string;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    workflow_definitions: WorkflowDefinitionsTable;
    workflow_instances: WorkflowInstancesTable;
    workflow_tokens: WorkflowTokensTable;
    workflow_tasks: WorkflowTasksTable;
    workflow_records: WorkflowRecordsTable;
  }
}
