import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** The signing module's OpenAPI tag, permissions and audit event types. */
export const signingTag: ModuleTag = {
  name: 'digital-signature',
  description:
    'Signing requests on any record (seed 004): templates, requests with ordered signers, real' +
    ' per-signer PAdES signatures, public verification by signature number',
};

export const signingPermissions = definePermissions('signing', {
  'signing.template.read': { description: 'List and view signature templates' },
  'signing.template.manage': { description: 'Create and update signature templates' },
  'signing.request.read': {
    description: 'List and view signature requests they created or are a party to, and their signatures',
    dataScoped: true,
  },
  'signing.request.read_all': {
    description: 'See every signature request (not only their own), with signers’ phone and email unmasked',
  },
  'signing.request.create': { description: 'Create signature requests, add signers, send them' },
  'signing.request.cancel': { description: 'Cancel signature requests' },
  'signing.signature.revoke': { description: 'Revoke a signature (its certificate is revoked in CRL/OCSP)' },
});
export const can = signingPermissions.codes;

const requestPayload = Type.Object({
  request_number: Type.String({ description: 'SIG-REQ-YYYY-NNNNN' }),
  entity: Type.String({ description: 'entity_type:entity_id' }),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'What happened, in words' }),
});
const signerPayload = Type.Object({
  request_number: Type.String({ description: 'SIG-REQ-YYYY-NNNNN' }),
  signer_id: Type.String({ description: 'The signer concerned' }),
  signer_name: Type.String({ description: 'Their name at the time' }),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'Reason, signature number or channel' }),
});
const onRequest = (description: string) => ({
  description,
  entityType: 'signature_request',
  payload: requestPayload,
});
const onSigner = (description: string) => ({
  description,
  entityType: 'signature_request',
  payload: signerPayload,
});

export const signingAuditEvents = defineAuditEventTypes('signing', {
  'template.created': {
    description: 'A signature template was created',
    entityType: 'signature_template',
    payload: Type.Object({ template_code: Type.String({ description: 'The template code' }) }),
  },
  'template.updated': {
    description: 'A signature template was changed',
    entityType: 'signature_template',
    payload: Type.Object({ template_code: Type.String({ description: 'The template code' }) }),
  },
  'request.created': onRequest('A signature request was created'),
  'request.signer_added': onSigner('A signer was added to a request'),
  'request.sent': onRequest('A request was sent (signing links issued)'),
  'request.viewed': onSigner('A signer opened the signing page'),
  'request.signed': {
    description: 'A signer signed (detail: the signature number; meaning: the signature meaning)',
    entityType: 'signature_request',
    payload: Type.Composite([
      signerPayload,
      Type.Object({
        meaning: Type.Optional(
          Type.String({ description: 'The signature meaning (the signing profile’s; default approval)' }),
        ),
      }),
    ]),
  },
  'request.declined': onSigner('A signer declined (detail: the reason)'),
  'request.reminded': onRequest('Outstanding signers whose turn it is were reminded with a fresh link'),
  'request.reassigned': onSigner('A signer’s place was given to someone else; the old link died'),
  'request.fields_filled': onSigner('An assistant filled the fields of the signer it assists'),
  'request.group_closed': onSigner(
    'Another member of an any-of-N group signed: this member’s place closed and its link died (detail: who signed)',
  ),
  'request.completed': onRequest('Every required signer signed'),
  'request.expired': onRequest('The request expired before completion'),
  'request.cancelled': onRequest('The sender cancelled the request'),
  'request.sealed': onRequest('The platform seal brought the signed documents to PAdES B-LTA'),
  // second factor (signing/access) and alerts (signing/alerts)
  'request.factor_set': onRequest('The sender set the second factor of the request (detail: the kind)'),
  'request.factor_sent': onSigner('A one-time code was sent to the signer (detail: the channel)'),
  'request.factor_passed': onSigner('The signer passed the second factor'),
  'request.factor_locked': onSigner('Too many wrong codes: the signer’s link is locked for a while'),
  'request.turn_notified': onSigner('The signer was told it is their turn (the earlier group finished)'),
  'request.overdue_alerted': onRequest('The owner was alerted that the request is overdue (detail: why)'),
  'signature.revoked': {
    description: 'A signature was revoked and its certificate revoked in the platform CRL/OCSP',
    entityType: 'signature',
    payload: Type.Object({
      signature_number: Type.String({ description: 'SIG-YYYY-NNNNN' }),
      certificate_serial: Type.String({ description: 'Serial of the revoked certificate (hex)' }),
      reason: Type.Union([Type.String(), Type.Null()], { description: 'Why' }),
    }),
  },
});

export type SigningAuditEvent = AuditEventOf<typeof signingAuditEvents>;
