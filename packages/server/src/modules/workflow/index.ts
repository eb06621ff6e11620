import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { approvalRoutes } from './approvals/approvals.routes.js';
import { attachmentFileRoutes } from './approvals/attachment-files.routes.js';
import { bpmnRoutes } from './definitions/bpmn.routes.js';
import { definitionRoutes } from './definitions/definitions.routes.js';
import { delegationAuditEvents } from './delegation/delegation.catalogue.js';
import { delegationDeps } from './delegation/delegation.deps.js';
import { delegationErrors } from './delegation/delegation.errors.js';
import { delegationRoutes } from './delegation/delegation.routes.js';
import { delayJob } from './engine/delay.jobs.js';
import { workflowIntegrationEvents } from './listeners/approval-events.js';
import './listeners/builtin-actions.js';
import { listenerJob } from './listeners/listeners.jobs.js';
import { slaJob } from './sla/sla.jobs.js';
import './signature/part11-signature.js';
import { cardCallbackRoutes, keepCallbackText } from './im-cards/card-callback.routes.js';
import { imCardJob } from './im-cards/im-card.jobs.js';
import { imCardErrors } from './im-cards/im-cards.errors.js';
import { signatureErrors } from './signature/signature.errors.js';
import { installSignatureNodes } from './signature/signature-install.js';
import { templateRoutes } from './templates/templates.routes.js';
import { workflowAuditEvents, workflowPermissions, workflowTag } from './workflow.catalogue.js';
import { workflowDeps } from './workflow.deps.js';
import { workflowErrors } from './workflow.errors.js';

export { type ApprovalOutcome, workflowApprovals } from './approvals/approval-gateway.js';
export { completeSignatureNode } from './engine/signature-hook.js';
export type { ListenerEvent, WorkflowEvent, WorkflowListener } from './listeners/listener-model.js';
export {
  registerWorkflowAction,
  registerWorkflowJob,
  type WorkflowActionHandler,
} from './listeners/listener-registry.js';
export { workflowEvents } from './listeners/workflow-events.js';
export { shippedTemplates } from './templates/shipped-templates.js';
export { type InstallResult, installTemplates } from './templates/templates.service.js';
export { workflowDeps } from './workflow.deps.js';

/**
 * The approval engine (issue 17, docs/workflow.md): definitions as a node tree, approvals
 * with tokens and tasks. Other modules call `completeSignatureNode` when the signing
 * request a signature node waits for is finished.
 */
export const workflowModule: ModuleDefinition = {
  name: 'workflow',
  tags: [workflowTag],
  permissions: workflowPermissions,
  // delegation rules declare their events beside the engine's
  auditEvents: {
    ...workflowAuditEvents,
    declarations: [...workflowAuditEvents.declarations, ...delegationAuditEvents.declarations],
  },
  integrationEvents: workflowIntegrationEvents,
  errors: { ...workflowErrors, ...signatureErrors, ...delegationErrors, ...imCardErrors },
  jobs: [delayJob, listenerJob, slaJob, imCardJob],
  // Signature nodes: the entity type of their requests and the signing outcome listener.
  install: async (_app, ctx) => installSignatureNodes(ctx),
  routes: async (api, ctx) => {
    // IM card callbacks: their own scope, which keeps JSON bodies as text for the signature.
    await api.register(async (scope) => {
      keepCallbackText(scope);
      mountRoutes(scope, workflowTag, cardCallbackRoutes(workflowDeps(ctx)));
    });
    mountRoutes(api, workflowTag, [
      ...bpmnRoutes(workflowDeps(ctx)),
      ...definitionRoutes(workflowDeps(ctx)),
      ...approvalRoutes(workflowDeps(ctx)),
      ...attachmentFileRoutes(workflowDeps(ctx)),
      ...delegationRoutes(delegationDeps(ctx)),
      ...templateRoutes(workflowDeps(ctx)),
    ]);
  },
};
