/** The integration events outbox (migrations/2026_12_11_0120_workflow_events.ts). */
export interface WorkflowEventsTable {
  /** UUIDv7: ordered by time, so readers page with `id > last seen`. */
  id: string;
  event: string;
  instance_id: string;
  definition_key: string;
  node_id: string | null;
  /** The WorkflowEvent (JSON). */
  payload: string;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    workflow_events: WorkflowEventsTable;
  }
}
