import { ConvertError } from '../../platform/convert/convert-errors.js';
import { domainError } from '../../platform/errors.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import { type RowError, validateRows } from './row-validation.js';
import { fillTemplate, inspectTemplate, TemplateSyntaxError } from './template-engine.js';
import type { TemplateVariable } from './template-variables.js';

/**
 * The slow work around a template file, done outside any transaction: reading its
 * variables, storing it, filling it and converting the result to PDF.
 */
export interface StagedTemplate {
  key: string;
  size: number;
  fileName: string;
  variables: TemplateVariable[];
}

/** Turns docxtemplater's refusal into the API's 40051 with each problem listed. */
export function templateInvalid(error: TemplateSyntaxError): Error {
  return domainError(errors.TEMPLATE_INVALID, `The template cannot be used: ${error.message}`, {
    fieldErrors: error.problems.map((problem) => ({
      field: problem.tag ?? 'file',
      message: problem.message,
    })),
  });
}

export function dataInvalid(rowErrors: RowError[]): Error {
  return domainError(
    errors.TEMPLATE_DATA_INVALID,
    `${rowErrors.length} problem(s) in the data; nothing was generated`,
    {
      fieldErrors: rowErrors
        .slice(0, 500)
        .map((error) => ({ field: `rows[${error.row}].${error.field}`, message: error.message })),
      details: { rows: [...new Set(rowErrors.map((error) => error.row))].length },
    },
  );
}

/** Reads the variables (refusing a broken template) and stores the DOCX. */
export async function stageTemplate(
  deps: DocumentTemplatesDeps,
  bytes: Buffer,
  fileName: string,
): Promise<StagedTemplate> {
  let variables: TemplateVariable[];
  try {
    variables = inspectTemplate(bytes);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) throw templateInvalid(error);
    throw error;
  }
  const stored = await deps.storage.put(bytes, { maxBytes: deps.maxUploadBytes });
  return { key: stored.key, size: stored.size, fileName, variables };
}

/** Fills the template with one row (already validated) and returns DOCX bytes. */
export function fillRow(template: Buffer, row: Record<string, unknown>): Buffer {
  try {
    return fillTemplate(template, row);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) throw templateInvalid(error);
    throw error;
  }
}

/** DOCX → PDF through the pool, with the pool's reason turned into the API's 50351. */
export async function toPdf(deps: DocumentTemplatesDeps, docx: Buffer): Promise<Buffer> {
  try {
    return await deps.converter.convert(docx, { extension: 'docx' });
  } catch (error) {
    if (error instanceof ConvertError) {
      throw domainError(errors.CONVERSION_FAILED, `The PDF could not be made: ${error.message}`, {
        details: { reason: error.reason },
      });
    }
    throw error;
  }
}

/** Sample preview: the template filled with `data` (default: the schema's sample values), as PDF. */
export async function renderPreview(
  deps: DocumentTemplatesDeps,
  fileKey: string,
  variables: TemplateVariable[],
  data: Record<string, unknown>,
): Promise<Buffer> {
  const { rows, errors: rowErrors } = validateRows(variables, [data]);
  if (rowErrors.length > 0) throw dataInvalid(rowErrors);
  const template = await deps.storage.read(fileKey);
  return toPdf(deps, fillRow(template, rows[0] as Record<string, unknown>));
}
