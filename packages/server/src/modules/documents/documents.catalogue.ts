import { type TObject, Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** The documents module's OpenAPI tag, permissions and audit event types. */
export const documentsTag: ModuleTag = {
  name: 'documents',
  description:
    'Versioned files filed on any record (by entity and contract number): upload with content' +
    ' sniffing, versions, downloads with ranges and integrity checks, previews, retention, legal' +
    ' hold, WORM and trash',
};

export const documentsPermissions = definePermissions('documents', {
  'documents.document.read': {
    description: 'List, download and preview documents within the data scope',
    dataScoped: true,
  },
  'documents.document.upload': {
    description: 'File documents, add and restore versions, change metadata (within the data scope)',
    dataScoped: true,
  },
  'documents.document.delete': {
    description: 'Move documents to the trash and restore them',
    dataScoped: true,
  },
  'documents.document.hold': { description: 'Place and release legal holds on documents', dataScoped: true },
  'documents.retention.manage': { description: 'Set the retention policy (years, WORM) per category' },
});
export const can = documentsPermissions.codes;

const nullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const versionPayload = Type.Object({
  version: Type.Integer({ description: 'Version number' }),
  sha256: Type.String({ description: 'SHA-256 of the version’s bytes' }),
  file_name: Type.String({ description: 'File name as filed' }),
  size: Type.Integer({ description: 'Bytes' }),
});
const titled = Type.Object({ title: Type.String({ description: 'Title' }) });
function doc(description: string): { description: string; entityType: 'document'; payload: typeof titled };
function doc<P extends TObject>(
  description: string,
  payload: P,
): { description: string; entityType: 'document'; payload: P };
function doc(description: string, payload: TObject = titled) {
  return { description, entityType: 'document' as const, payload };
}

export const documentsAuditEvents = defineAuditEventTypes('documents', {
  'document.created': doc('A document was filed with its first version', versionPayload),
  'document.version_added': doc('A new version was added to a document', versionPayload),
  'document.version_restored': doc(
    'An earlier version was restored as a new version',
    Type.Object({ version: Type.Integer({ description: 'The new version' }), restored_from: Type.Integer() }),
  ),
  'document.metadata_changed': doc('Title, category, tags or contract number changed'),
  'document.trashed': doc('A document was moved to the trash'),
  'document.restored': doc('A document was taken back from the trash'),
  'document.purged': doc('A trashed document past its retention was removed for good'),
  'document.hold_placed': doc(
    'A legal hold was placed on a document',
    Type.Object({ reason: Type.String({ description: 'Why the document is held' }) }),
  ),
  'document.hold_released': doc('A legal hold was released'),
  'document.watermarked_copy': doc(
    'A copy watermarked with the viewer’s name, time and IP was served (the original is unchanged)',
    Type.Object({
      version: Type.Integer({ description: 'Version served' }),
      purpose: Type.String({ description: 'preview or download' }),
      watermark: Type.String({ description: 'The text stamped on every page' }),
    }),
  ),
  'document.integrity_failed': doc(
    'Stored bytes no longer matched a version’s SHA-256 on read; nothing was served',
    Type.Object({
      version: Type.Integer({ description: 'Version read' }),
      sha256: Type.String({ description: 'Expected SHA-256' }),
    }),
  ),
  'retention.policy_changed': {
    description: 'A category’s retention policy changed',
    entityType: 'document_category',
    payload: Type.Object({
      category: Type.String({ description: 'Category' }),
      keep_years: Type.Integer({ description: 'Years kept' }),
      worm: Type.Boolean({ description: 'WORM on' }),
      watermark: Type.Boolean({ description: 'Viewer watermark on previews and downloads' }),
      note: nullableString('Why'),
    }),
  },
});

export type DocumentsAuditEvent = AuditEventOf<typeof documentsAuditEvents>;
