import { Type } from '@sinclair/typebox';
import {
  type AuditEventOf,
  defineAuditEventTypes,
} from '../../../platform/catalogues/audit-event-catalogue.js';

/** Audit event types of requests made from templates: setup, direct links, bulk send, in person. */
const onTemplate = (description: string) => ({
  description,
  entityType: 'signature_template',
  payload: Type.Object({
    template_code: Type.String({ description: 'The template code' }),
    detail: Type.Union([Type.String(), Type.Null()], { description: 'What changed, in words' }),
  }),
});

export const instancesAuditEvents = defineAuditEventTypes('signing', {
  'template.roles_set': onTemplate('The template’s role placeholders were replaced'),
  'template.document_added': onTemplate('A PDF was stored on the template (detail: the document id)'),
  'template.document_removed': onTemplate('A PDF was removed from the template'),
  'direct_link.issued': onTemplate('A direct link was published or rotated (the old secret died)'),
  'direct_link.disabled': onTemplate('The direct link was disabled'),
  'direct_link.enabled': onTemplate('The direct link was enabled again'),
  'direct_link.used': {
    description: 'Someone opened the direct link and a new request was made and sent to them',
    entityType: 'signature_template',
    payload: Type.Object({
      template_code: Type.String({ description: 'The template code' }),
      request_number: Type.String({ description: 'The new request' }),
      signer_name: Type.String({ description: 'The name they entered' }),
    }),
  },
  'bulk_send.started': {
    description: 'A bulk send was validated and queued',
    entityType: 'signature_bulk_send',
    payload: Type.Object({
      template_code: Type.String({ description: 'The template code' }),
      rows: Type.Integer({ description: 'Rows to create and send' }),
      file_name: Type.String({ description: 'The uploaded file’s name' }),
    }),
  },
  'bulk_send.finished': {
    description: 'A bulk send finished (or was cancelled)',
    entityType: 'signature_bulk_send',
    payload: Type.Object({
      done: Type.Integer({ description: 'Requests created and sent' }),
      failed: Type.Integer({ description: 'Rows that failed' }),
      status: Type.String({ description: 'completed or cancelled' }),
    }),
  },
  'bulk_send.cancelled': {
    description: 'The sender cancelled a bulk send; rows not yet sent were skipped',
    entityType: 'signature_bulk_send',
    payload: Type.Object({ template_code: Type.String({ description: 'The template code' }) }),
  },
  'in_person.started': onInPerson('A host started an in-person session for a signer on their device'),
  'in_person.finished': onInPerson('The in-person signer finished (detail: the signature number)'),
  'in_person.cancelled': onInPerson('The in-person signer handed back without signing'),
  'in_person.unlocked': onInPerson('The host re-authenticated and unlocked their session'),
  'in_person.verification_sent': onInPerson('The verification link went to the signer (detail: channel)'),
});

function onInPerson(description: string) {
  return {
    description,
    entityType: 'signature_request',
    payload: Type.Object({
      request_number: Type.String({ description: 'SIG-REQ-YYYY-NNNNN' }),
      signer_id: Type.String({ description: 'The in-person signer' }),
      signer_name: Type.String({ description: 'Their name' }),
      host: Type.String({ description: 'The host user (id and name) holding the device' }),
      detail: Type.Union([Type.String(), Type.Null()], {
        description: 'Signature number, channel or reason',
      }),
    }),
  };
}

export type InstancesAuditEvent = AuditEventOf<typeof instancesAuditEvents>;
