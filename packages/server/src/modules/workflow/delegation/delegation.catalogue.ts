import { Type } from '@sinclair/typebox';
import {
  type AuditEventOf,
  defineAuditEventTypes,
} from '../../../platform/catalogues/audit-event-catalogue.js';

const payload = Type.Object({
  user_id: Type.String({ description: 'The absent person' }),
  delegate_id: Type.String({ description: 'Who gets their tasks' }),
  starts_at: Type.String({ description: 'From (ISO instant)' }),
  ends_at: Type.String({ description: 'Until, exclusive (ISO instant)' }),
});
const event = (description: string) => ({ description, entityType: 'workflow_delegation', payload });

/** Audit events of delegation rules (merged into the workflow module's in its index.ts). */
export const delegationAuditEvents = defineAuditEventTypes('workflow', {
  'delegation.created': event('An out-of-office delegation rule was set'),
  'delegation.revoked': event('An out-of-office delegation rule was revoked'),
});

export type DelegationAuditEvent = AuditEventOf<typeof delegationAuditEvents>;
