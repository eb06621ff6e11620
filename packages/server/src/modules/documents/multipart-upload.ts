import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, domainError } from '../../platform/errors.js';
import { toFieldErrors, validatorCompiler } from '../../platform/http/validation.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { uploadFields } from './documents.schemas.js';
import { type StagedContent, stageContent } from './staging.service.js';

export type UploadFields = Static<typeof uploadFields>;
const checkFields = validatorCompiler({ schema: uploadFields, httpPart: 'body' });

/**
 * Reads a multipart upload: text fields first, then exactly one file, streamed straight
 * into staging (never buffered). The fields are validated before the file's first byte is
 * read, so a bad request stores nothing; a request without a file part is refused.
 */
export async function readUpload(
  request: FastifyRequest,
  deps: DocumentsDeps,
  options: { versionOnly?: boolean } = {},
): Promise<{ fields: UploadFields; content: StagedContent }> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA', 'Send the file as multipart/form-data');
  }
  const raw: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      raw[part.fieldname] = String(part.value);
      continue;
    }
    const fields = fieldsFrom(raw, part.filename, options.versionOnly === true);
    try {
      const content = await stageContent(deps, part.file, part.filename);
      return { fields, content };
    } catch (error) {
      part.file.resume();
      throw translate(error);
    }
  }
  throw domainError(documentsErrors.DOCUMENT_FILE_MISSING, 'The upload has no file part');
}

function fieldsFrom(raw: Record<string, string>, fileName: string, versionOnly: boolean): UploadFields {
  const blank = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? null : value.trim();
  const candidate = {
    title: blank(raw.title) ?? fileName,
    category: versionOnly ? 'other' : raw.category,
    tags: (raw.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    entity_type: versionOnly ? 'version' : raw.entity_type,
    entity_id: versionOnly ? 'version' : raw.entity_id,
    contract_number: blank(raw.contract_number),
    note: blank(raw.note),
  };
  const unknown = Object.keys(raw).filter((k) => !(k in candidate));
  if (unknown.length > 0 || !checkFields(candidate)) {
    const errors =
      unknown.length > 0
        ? unknown.map((field) => ({ field, message: 'is not an allowed field' }))
        : toFieldErrors(checkFields.errors ?? [], 'body');
    throw new AppError('VALIDATION', 'The request is not valid', { fieldErrors: errors });
  }
  return candidate as UploadFields;
}

/** The multipart parser's own limit error, as the API's TOO_LARGE. */
function translate(error: unknown): unknown {
  if (error instanceof Error && (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('TOO_LARGE', `The file is larger than the limit`);
  }
  return error;
}
