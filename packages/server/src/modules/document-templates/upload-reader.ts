import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';

/**
 * Reads a small multipart upload (a template or a data sheet): text fields first, then one
 * file, held in memory up to `maxBytes` (templates and sheets are small; the documents
 * module streams large files).
 */
export async function readSmallUpload(
  request: FastifyRequest,
  maxBytes: number,
  allowedFields: readonly string[],
): Promise<{ fields: Record<string, string>; fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', 'Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 65_536 },
  })) {
    if (part.type === 'field') {
      if (!allowedFields.includes(part.fieldname)) {
        throw new AppError('VALIDATION', 'The request is not valid', {
          fieldErrors: [{ field: part.fieldname, message: 'is not an allowed field' }],
        });
      }
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('TOO_LARGE', `The file is larger than ${maxBytes} bytes`);
      }
      throw error;
    });
    if (bytes.length === 0) {
      throw new AppError('VALIDATION', 'The file is empty', {
        fieldErrors: [{ field: 'file', message: 'is empty' }],
      });
    }
    const fileName =
      part.filename
        .replace(/^.*[\\/]/, '')
        .split('')
        .filter((char) => !isControl(char))
        .join('')
        .slice(0, 255) || 'upload';
    return { fields, fileName, bytes };
  }
  throw new AppError('VALIDATION', 'The upload has no file part', {
    fieldErrors: [{ field: 'file', message: 'is required' }],
  });
}

/** C0 controls and DEL: never part of a file name we keep. */
export function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
