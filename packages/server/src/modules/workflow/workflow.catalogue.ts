import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** The workflow module's OpenAPI tag, permissions (deny by default) and audit event types. */
export const workflowTag: ModuleTag = {
  name: 'workflow',
  description:
    'Approval workflows (seed 001 §2.5/§5.5): definitions as a typed node tree with versions,' +
    ' and approvals (instances) with tasks, decisions and a timeline',
};

export const workflowPermissions = definePermissions('workflow', {
  'workflow.definition.read': { description: 'List and view workflow definitions' },
  'workflow.definition.manage': {
    description: 'Create, edit, validate, publish, archive and delete workflow definitions',
  },
  'workflow.approval.use': {
    description: 'Start approvals and act on the ones you take part in (initiator, approver, CC)',
    dataScoped: true,
  },
  'workflow.approval.admin': { description: 'See every approval, whoever takes part in it' },
});
export const can = workflowPermissions.codes;

const definitionPayload = Type.Object({
  key: Type.String({ description: 'Definition key' }),
  version: Type.Integer({ description: 'Version number' }),
});
const definitionEvent = (description: string) => ({
  description,
  entityType: 'workflow_definition',
  payload: definitionPayload,
});

const instancePayload = Type.Object({
  node_id: Type.Union([Type.String(), Type.Null()], { description: 'The node acted on' }),
  task_id: Type.Union([Type.String(), Type.Null()], { description: 'The task acted on' }),
  comment: Type.Union([Type.String(), Type.Null()], { description: 'Comment given' }),
  target: Type.Union([Type.String(), Type.Null()], { description: 'User or node the action points at' }),
});
const instanceEvent = (description: string) => ({
  description,
  entityType: 'workflow_instance',
  payload: instancePayload,
});

export const workflowAuditEvents = defineAuditEventTypes('workflow', {
  'definition.created': definitionEvent('A workflow definition (or a new draft version) was created'),
  'definition.updated': definitionEvent('A draft definition was changed'),
  'definition.published': definitionEvent('A definition version was published'),
  'definition.archived': definitionEvent('A definition version was archived'),
  'definition.deleted': definitionEvent('A draft definition was deleted'),
  'instance.started': instanceEvent('An approval was started'),
  'instance.approved': instanceEvent('An approval finished approved'),
  'instance.rejected': instanceEvent('An approval finished rejected'),
  'instance.returned': instanceEvent('An approval went back to its initiator'),
  'instance.resubmitted': instanceEvent('The initiator resubmitted a returned approval'),
  'instance.withdrawn': instanceEvent('The initiator withdrew an approval'),
  'instance.urged': instanceEvent('The initiator urged the pending approvers'),
  'task.approved': instanceEvent('An approver approved their task'),
  'task.rejected': instanceEvent('An approver rejected their task'),
  'task.transferred': instanceEvent('An approver handed their task to someone else'),
  'task.add_signed': instanceEvent('An approver added an approver (before, after or in parallel)'),
  'task.returned': instanceEvent('An approver sent the approval back to an earlier node'),
  'task.fields_edited': instanceEvent('An approver changed form fields their step may edit'),
  'task.commented': instanceEvent('Someone commented on an approval'),
  'task.cc_read': instanceEvent('A CC recipient read the approval'),
  'signature.completed': instanceEvent('A signature node was completed by the signing module'),
});

export type WorkflowAuditEvent = AuditEventOf<typeof workflowAuditEvents>;
