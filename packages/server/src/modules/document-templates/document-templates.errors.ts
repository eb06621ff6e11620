import { defineErrorCodes } from '../../platform/errors.js';

/** The module's domain error codes (free numbers of their families). */
export const documentTemplatesErrors = defineErrorCodes('document-templates', {
  TEMPLATE_INVALID: {
    family: 'VALIDATION',
    api: 40051,
    description:
      'The DOCX is not a usable template (unclosed tag, bad nesting, zip bomb, not a DOCX); details list each problem',
  },
  TEMPLATE_DATA_INVALID: {
    family: 'VALIDATION',
    api: 40052,
    description:
      'Rows do not match the variable schema; errors list each row and field. Nothing was generated',
  },
  TEMPLATE_DRAFT_NOT_FOUND: {
    family: 'NOT_FOUND',
    api: 40451,
    description:
      'No such template draft: it expired and was collected, was already saved, or belongs to someone else',
  },
  TEMPLATE_NAME_TAKEN: { family: 'CONFLICT', api: 40951, description: 'A template of that name exists' },
  BATCH_FINISHED: { family: 'CONFLICT', api: 40952, description: 'The batch has already finished' },
  CONVERSION_FAILED: {
    family: 'UNAVAILABLE',
    api: 50351,
    description:
      'LibreOffice could not turn the filled document into a PDF (timeout, crash, or converter unavailable)',
  },
});
