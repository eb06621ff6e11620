import type { ModuleDefinition } from '../../platform/module.js';
import { generateBatchJob } from './batches.jobs.js';
import {
  documentTemplatesAuditEvents,
  documentTemplatesPermissions,
  documentTemplatesTag,
} from './document-templates.catalogue.js';
import { documentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors } from './document-templates.errors.js';
import { templateRoutes } from './templates.routes.js';

/** CSV/XLSX reading (ExcelJS) for other modules' imports: rows of raw cell values, first row the header. */
export { ImportError as SpreadsheetError, readSheet as readSpreadsheet } from './data-import.js';
/** A small multipart upload (fields, then one file) held in memory up to a cap. */
export { readSmallUpload } from './upload-reader.js';

/**
 * DOCX templates: variable schemas found in the file, versions, sample previews and batch
 * generation to PDF through the LibreOffice pool, results filed through the documents module
 * (docs/documents-templates.md).
 */
export const documentTemplatesModule: ModuleDefinition = {
  name: 'document-templates',
  tags: [documentTemplatesTag],
  permissions: documentTemplatesPermissions,
  auditEvents: documentTemplatesAuditEvents,
  errors: documentTemplatesErrors,
  jobs: [generateBatchJob],
  routes: async (api, ctx) => {
    await api.register(async (scope) => templateRoutes(scope, documentTemplatesDeps(ctx)));
  },
};
