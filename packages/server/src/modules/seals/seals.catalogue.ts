import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** The seals module's OpenAPI tag, permissions and audit event types. */
export const sealsTag: ModuleTag = {
  name: 'seals',
  description:
    'Organisation seals (组织印章): registry, generated or uploaded seal images, authorisations, ' +
    'sealing PDFs with a PAdES signature of the organisation, and the seal-use log',
};

export const sealsPermissions = definePermissions('seals', {
  'seals.seal.read': { description: 'See the seal registry' },
  'seals.seal.manage': { description: 'Create seals, change their status, upload or generate their image' },
  'seals.authorisation.manage': { description: 'Grant and revoke the use of seals' },
  'seals.seal.use': { description: 'Apply a seal one is authorised for' },
  'seals.log.read': { description: 'Read the seal-use log' },
});

const seal = Type.Object({
  name: Type.String({ description: 'Seal name' }),
  organisation: Type.String({ description: 'Organisation the seal belongs to' }),
});
const transition = {
  entityType: 'seal',
  payload: Type.Object({
    name: Type.String({ description: 'Seal name' }),
    note: Type.Union([Type.String(), Type.Null()], { description: 'Why' }),
  }),
};

export const sealsAuditEvents = defineAuditEventTypes('seals', {
  'seal.created': { description: 'A seal was registered', entityType: 'seal', payload: seal },
  'seal.image_changed': {
    description: 'A seal’s image or design was replaced',
    entityType: 'seal',
    payload: seal,
  },
  'seal.suspended': { description: 'A seal was suspended', ...transition },
  'seal.reactivated': { description: 'A suspended seal was put back in use', ...transition },
  'seal.retired': { description: 'A seal was retired for good', ...transition },
  'seal.authorised': {
    description: 'Someone was authorised to use a seal',
    entityType: 'seal',
    payload: Type.Object({
      authorisation_id: Type.String({ description: 'The authorisation' }),
      subject: Type.String({ description: 'user:<id>, role:<code> or department:<id>' }),
    }),
  },
  'seal.authorisation_revoked': {
    description: 'An authorisation to use a seal was revoked',
    entityType: 'seal',
    payload: Type.Object({ authorisation_id: Type.String({ description: 'The authorisation' }) }),
  },
  'seal.use_requested': {
    description: 'A seal-use approval (用印审批) was started for one document version, or a batch of them',
    entityType: 'seal',
    payload: Type.Object({
      request_id: Type.String({ description: 'The seal-use request' }),
      approval_id: Type.String({ description: 'The workflow approval' }),
      document_id: Type.String({ description: 'The document' }),
      document_version: Type.Integer({ description: 'The version to be sealed' }),
      documents: Type.Optional(
        Type.Array(
          Type.Object({
            document_id: Type.String({ description: 'A document of the batch' }),
            document_version: Type.Integer({ description: 'The version to be sealed' }),
          }),
          { description: 'A batch request: every document, in order (the first is also above)' },
        ),
      ),
    }),
  },
  'seal.applied': {
    description: 'A seal was applied to a document (a PAdES signature of the organisation)',
    entityType: 'seal',
    payload: Type.Object({
      use_id: Type.String({ description: 'The seal-use log entry' }),
      document_id: Type.String({ description: 'The sealed document' }),
      document_version: Type.Integer({ description: 'The version that was sealed' }),
      pages: Type.Array(Type.Integer(), { description: 'Pages that show the seal' }),
      approval_id: Type.Optional(
        Type.Union([Type.String(), Type.Null()], { description: 'The seal-use approval used' }),
      ),
      meaning: Type.Optional(
        Type.Union([Type.String(), Type.Null()], { description: 'The signature meaning the seal carries' }),
      ),
      profile_id: Type.Optional(
        Type.Union([Type.String(), Type.Null()], {
          description: 'The signing profile it was made under (null: the built-in default)',
        }),
      ),
      profile_version: Type.Optional(Type.Integer({ description: 'That profile’s version (0: built-in)' })),
    }),
  },
});

export type SealsAuditEvent = AuditEventOf<typeof sealsAuditEvents>;
export type SealTransitionAction = Extract<SealsAuditEvent, { payload: { note: string | null } }>['type'];
