import { domainError } from '../../platform/errors.js';
import { documentsErrors } from './documents.errors.js';

// C0 and C1 controls, and the bidi overrides/isolates that make `gpj.exe` read as `exe.jpg`.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const forbiddenCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/u;
const pathCharacters = /[/\\]/;
const windowsReserved = /[<>:"|?*]/;
const maxFileNameBytes = 255;

/**
 * A file name as it will be stored and offered back: NFC-normalized, with nothing that
 * could act as a path or hide its real extension. Refused (never silently rewritten), so
 * the uploader sees why: `../x.pdf`, `a/b.pdf`, names with control characters, `.`/`..`,
 * and names past 255 UTF-8 bytes. Chinese, Hebrew and other scripts pass unchanged.
 */
export function safeFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const refuse = (why: string) =>
    domainError(documentsErrors.DOCUMENT_FILE_NAME_INVALID, `The file name is not accepted: ${why}`, {
      fieldErrors: [{ field: 'file_name', message: why }],
    });
  if (name === '' || name === '.' || name === '..') throw refuse('it is empty or only dots');
  if (pathCharacters.test(name)) throw refuse('it contains a path (/, \\ or ..)');
  if (forbiddenCharacters.test(name)) throw refuse('it contains control or text-direction characters');
  if (windowsReserved.test(name)) throw refuse('it contains one of < > : " | ? *');
  if (Buffer.byteLength(name, 'utf8') > maxFileNameBytes) throw refuse('it is longer than 255 bytes');
  return name;
}

/**
 * `Content-Disposition` per RFC 6266 / RFC 8187: an ASCII `filename` fallback for old
 * clients and the exact UTF-8 name in `filename*`, so 合同.pdf and חוזה.pdf arrive intact.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** Percent-encodes everything outside RFC 8187's attr-char set. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
