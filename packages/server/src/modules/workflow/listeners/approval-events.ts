import { defineIntegrationEvents } from '../../../platform/catalogues/integration-event-catalogue.js';
import type { EngineRun } from '../engine/engine-run.js';
import type { ListenerEvent } from './listener-model.js';

/**
 * The approval events the engine emits to other systems (webhooks), every one of them,
 * whatever listeners a definition declares: in the step's transaction, beside the listener
 * jobs. A node's own outcome is `node_approved` / `node_rejected`; `approved` / `rejected`
 * are the approval's.
 */
export const workflowIntegrationEvents = defineIntegrationEvents('workflow', {
  'approval.started': { description: 'An approval was started', resourceType: 'approval' },
  'approval.node_entered': { description: 'An approval reached a node', resourceType: 'approval' },
  'approval.node_approved': { description: 'A node of an approval was approved', resourceType: 'approval' },
  'approval.node_rejected': { description: 'A node of an approval was rejected', resourceType: 'approval' },
  'approval.approved': { description: 'An approval ended approved', resourceType: 'approval' },
  'approval.rejected': { description: 'An approval ended rejected', resourceType: 'approval' },
  'approval.completed': { description: 'An approval ended (approved or rejected)', resourceType: 'approval' },
  'approval.withdrawn': { description: 'The initiator withdrew an approval', resourceType: 'approval' },
});

function typeOf(event: ListenerEvent, nodeId: string | null): string {
  if ((event === 'approved' || event === 'rejected') && nodeId !== null)
    return `workflow.approval.node_${event}`;
  return `workflow.approval.${event}`;
}

/**
 * Emits the event with the approval as `GET /approvals/{id}` names it (no form data), as it
 * stands now: queued on the run and written with the step's other events when the step ends
 * (endStep: one outbox statement per step instead of one per event).
 */
export function emitApprovalEvent(run: EngineRun, event: ListenerEvent, nodeId: string | null): void {
  const { instance } = run;
  const api = `${run.deps.ctx.config.http.publicUrl.replace(/\/+$/, '')}/api/v1`;
  run.outbox.push({
    type: typeOf(event, nodeId),
    resource_type: 'approval',
    resource_id: instance.id,
    data: {
      id: instance.id,
      definition_id: instance.definition_id,
      title: instance.title,
      status: instance.status,
      node_id: nodeId,
      business_type: instance.business_type,
      business_id: instance.business_id,
      applicant_id: instance.applicant_id,
      occurred_at: run.now,
      links: { self: `${api}/approvals/${instance.id}` },
    },
  });
}
