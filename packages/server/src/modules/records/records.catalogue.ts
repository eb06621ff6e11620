import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/**
 * What the electronic-records module (21 CFR Part 11 / EU GMP Annex 11 signatures, seed 002)
 * adds to the platform's catalogues: its tag, permissions and audit event types.
 */
export const recordsTag: ModuleTag = {
  name: 'electronic-records',
  description:
    'Electronic signatures with the force of a handwritten one (21 CFR Part 11, EU GMP Annex 11):' +
    ' signature policies, the signing ceremony, signature records, verification',
};

export const recordsPermissions = definePermissions('records', {
  'records.policy.read': { description: 'List and view signature policies and registered operations' },
  'records.policy.manage': { description: 'Create, change and retire signature policies (versioned)' },
  'records.credentials.read': {
    description:
      'See the credential inventory (last use, MFA, passkeys, PIN, dormant accounts; 21 CFR 11.300)',
  },
  'records.review.read': {
    description: 'List and view audit-trail reviews with their findings and sign-off (Annex 11 §9)',
  },
  'records.review.manage': {
    description: 'Open audit-trail reviews: assign a reviewer, a period and a scope',
  },
  'records.review.perform': {
    description: 'Carry out the audit-trail reviews assigned to you: add findings, sign off by signature',
  },
  'records.signature.read': {
    description: 'See everyone’s signature records and authentication log (own ones need no permission)',
  },
});
export const can = recordsPermissions.codes;

const str = (description: string) => Type.String({ description });
const policyPayload = Type.Object({
  policy_key: str('Stable id of the policy across versions'),
  version: Type.Integer({ description: 'Version number' }),
  resource_type: str('Resource type'),
  operation_type: str('Operation type'),
});
const signaturePayload = Type.Object({
  resource_type: str('Resource type'),
  resource_id: str('Resource id'),
  record_version: str('Version of the record signed'),
  record_sha256: str('SHA-256 of the exact record version signed'),
  signature_mean: str('Meaning of the signature (approval, review, ...)'),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Reason given' }),
  signer_name: str('Printed name of the signer'),
  timestamp: str('Server time of the signature'),
  manifest_sha256: str('SHA-256 of the signature manifest sealed in the encrypted value'),
  pades_sha256: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'SHA-256 of the PAdES-signed PDF version made with it (§11.50), null when none',
    }),
  ),
  pades_document_version: Type.Optional(
    Type.Union([Type.Integer(), Type.Null()], { description: 'The document version of that PDF' }),
  ),
  pades_level: Type.Optional(
    Type.String({ description: "The PAdES level that PDF was made at (the policy's), when there is one" }),
  ),
});

export const recordsAuditEvents = defineAuditEventTypes('records', {
  'policy.created': {
    description: 'A signature policy was created',
    entityType: 'signature_policy',
    payload: policyPayload,
  },
  'policy.changed': {
    description: 'A signature policy got a new version',
    entityType: 'signature_policy',
    payload: policyPayload,
  },
  'policy.retired': {
    description: 'A signature policy was retired',
    entityType: 'signature_policy',
    payload: policyPayload,
  },
  'settings.changed': {
    description: 'A user changed their signature settings (PIN, preferred method)',
    entityType: 'user',
    payload: Type.Object({ fields: Type.Array(Type.String(), { description: 'Fields changed' }) }),
  },
  'signature.created': {
    description: 'An electronic signature was executed',
    entityType: 'signature',
    payload: signaturePayload,
  },
  'signature.verified': {
    description: "A verification changed a signature's status (tampering found, or a repaired record)",
    entityType: 'signature',
    payload: Type.Object({
      valid: Type.Boolean({ description: 'Outcome' }),
      previous_status: Type.String({ description: 'The status before this verification' }),
      problems: Type.Array(Type.String()),
    }),
  },
  'ceremony.failed': {
    description: 'A signing ceremony failed (wrong or missing component)',
    entityType: 'user',
    payload: Type.Object({ method: str('Components tried'), reason: str('Why it failed') }),
  },
  'ceremony.alerted': {
    description: 'Repeated failed ceremonies were reported to the security contacts',
    entityType: 'user',
    payload: Type.Object({ failures: Type.Integer({ description: 'Failures in the window' }) }),
  },
  'review.created': {
    description: 'An audit-trail review was opened (reviewer, period, scope)',
    entityType: 'audit_review',
    payload: Type.Object({
      reviewer_id: str('Reviewer'),
      period_from: str('Start of the period reviewed'),
      period_to: str('End of the period reviewed'),
      scope_module: Type.Union([Type.String(), Type.Null()], { description: 'Module reviewed (all: null)' }),
      scope_entity_type: Type.Union([Type.String(), Type.Null()], { description: 'Entity type (all: null)' }),
    }),
  },
  'review.finding_added': {
    description: 'A finding was added to an audit-trail review',
    entityType: 'audit_review',
    payload: Type.Object({ finding_id: str('Finding'), severity: str('Severity'), text: str('Finding') }),
  },
  'review.signed_off': {
    description: 'An audit-trail review was signed off by its reviewer’s electronic signature',
    entityType: 'audit_review',
    payload: Type.Object({
      signature_id: str('The records signature of the sign-off'),
      findings: Type.Integer({ description: 'Findings at sign-off' }),
    }),
  },
  'session.opened': {
    description: 'A signing session was opened by a full ceremony',
    entityType: 'signing_session',
    payload: Type.Object({ factors: Type.Array(Type.String(), { description: 'Components verified' }) }),
  },
  'session.terminated': {
    description: 'A signing session was ended',
    entityType: 'signing_session',
    payload: Type.Object({ reason: str('Why') }),
  },
});

export type RecordsAuditEvent = AuditEventOf<typeof recordsAuditEvents>;
