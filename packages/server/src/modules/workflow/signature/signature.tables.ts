/** The signing requests signature nodes wait for (migrations/2026_12_11_0110_workflow_signature_requests.ts). */
export interface WorkflowSignatureRequestsTable {
  request_id: string;
  instance_id: string;
  node_id: string;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    workflow_signature_requests: WorkflowSignatureRequestsTable;
  }
}
