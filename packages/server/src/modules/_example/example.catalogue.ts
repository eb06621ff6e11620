import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/**
 * Everything the example module adds to the platform's catalogues, declared once and
 * listed in its ModuleDefinition (index.ts): the OpenAPI tag, the permissions its routes
 * and policy check, and the audit event types its service records.
 */
export const widgetsTag: ModuleTag = {
  name: 'example',
  description:
    'Widgets: created as drafts, reviewed, then approved or rejected' +
    ' (the template module, mounted only in tests)',
};

export const examplePermissions = definePermissions('example', {
  'example.widget.read': { description: 'List and view own widgets', dataScoped: true },
  'example.widget.create': { description: 'Create widgets and submit or withdraw own widgets' },
  'example.widget.review': { description: 'See every widget and approve or reject other people’s' },
});
export const can = examplePermissions.codes;

const name = Type.String({ description: 'Widget name at the time of the event' });
const transition = {
  entityType: 'widget',
  payload: Type.Object({
    name,
    note: Type.Union([Type.String(), Type.Null()], { description: 'Note given with the action' }),
  }),
};

export const exampleAuditEvents = defineAuditEventTypes('example', {
  'widget.created': {
    description: 'A widget was created',
    entityType: 'widget',
    payload: Type.Object({ name }),
  },
  'widget.submitted': { description: 'A widget was submitted for review', ...transition },
  'widget.withdrawn': { description: 'A submitted widget was taken back to draft', ...transition },
  'widget.approved': { description: 'A widget was approved', ...transition },
  'widget.rejected': { description: 'A widget was rejected', ...transition },
  'widget.owner_notified': {
    description: 'The owner of an approved widget was told',
    entityType: 'widget',
    payload: Type.Object({ job_id: Type.String({ description: 'The job that told them' }) }),
  },
});

/** The module's audit events as a discriminated union on `type`. */
export type ExampleAuditEvent = AuditEventOf<typeof exampleAuditEvents>;
/** The audit types a state transition may record (see widgets.state.ts). */
export type WidgetTransitionAction = Extract<ExampleAuditEvent, { payload: { note: string | null } }>['type'];
