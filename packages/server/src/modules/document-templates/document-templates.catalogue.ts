import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** What the document-templates module adds to the platform's catalogues. */
export const documentTemplatesTag: ModuleTag = {
  name: 'document-templates',
  description:
    'DOCX templates with placeholders, loops and conditions: a typed variable schema found in the file, ' +
    'versions with the variable diff, sample previews as PDF, and batch generation from JSON, CSV or XLSX',
};

export const documentTemplatesPermissions = definePermissions('document-templates', {
  'doc_templates.template.read': { description: 'List templates, their versions and variable schemas' },
  'doc_templates.template.manage': { description: 'Upload templates and versions, edit variable schemas' },
  'doc_templates.batch.run': { description: 'Fill templates: previews and batch generation, cancel batches' },
});
export const can = documentTemplatesPermissions.codes;

const template = { entityType: 'document_template' };
const batch = { entityType: 'document_batch' };

export const documentTemplatesAuditEvents = defineAuditEventTypes('document-templates', {
  'template.created': {
    description: 'A DOCX template was uploaded',
    ...template,
    payload: Type.Object({ name: Type.String(), sha256: Type.String(), variables: Type.Integer() }),
  },
  'template.version_added': {
    description: 'A new version of a template was uploaded',
    ...template,
    payload: Type.Object({ version: Type.Integer(), sha256: Type.String(), changes: Type.Integer() }),
  },
  'template.schema_edited': {
    description: 'The variable schema of a template version was edited',
    ...template,
    payload: Type.Object({ version: Type.Integer() }),
  },
  'batch.started': {
    description: 'A batch generation was queued',
    ...batch,
    payload: Type.Object({ template_id: Type.String(), version: Type.Integer(), rows: Type.Integer() }),
  },
  'batch.cancelled': { description: 'A batch generation was cancelled', ...batch, payload: Type.Object({}) },
  'batch.finished': {
    description: 'A batch generation finished',
    ...batch,
    payload: Type.Object({ done: Type.Integer(), failed: Type.Integer(), status: Type.String() }),
  },
});

export type DocumentTemplatesAuditEvent = AuditEventOf<typeof documentTemplatesAuditEvents>;
