import { defineErrorCodes } from '../../platform/errors.js';

/**
 * The module's domain error codes, inside the platform's families. Numbers from xx60 on, so
 * modules created from the template at the same time (which take the first free xx10+)
 * never claim the same ones.
 */
export const documentsErrors = defineErrorCodes('documents', {
  DOCUMENT_EMPTY: { family: 'VALIDATION', api: 40060, description: 'The file is empty (0 bytes)' },
  DOCUMENT_FILE_NAME_INVALID: {
    family: 'VALIDATION',
    api: 40061,
    description:
      'The file name has a path (`/`, `\\`, `..`), control or direction-override characters, or is too long',
  },
  DOCUMENT_FILE_MISSING: { family: 'VALIDATION', api: 40062, description: 'The upload carried no file part' },
  DOCUMENT_TYPE_REFUSED: {
    family: 'UNSUPPORTED_MEDIA',
    api: 41560,
    description:
      'The content is not an accepted type (PDF, DOCX/XLSX/PPTX, ODF, PNG/JPEG/GIF/WebP, script-free SVG); the file name is not trusted',
  },
  DOCUMENT_ARCHIVE_BOMB: {
    family: 'UNSUPPORTED_MEDIA',
    api: 41561,
    description: 'The office file unpacks to too much data or too many parts (zip bomb)',
  },
  DOCUMENT_RETAINED: {
    family: 'CONFLICT',
    api: 40960,
    description:
      'The document is under WORM retention: it cannot be deleted, overwritten or shortened by anyone',
  },
  DOCUMENT_ON_HOLD: {
    family: 'CONFLICT',
    api: 40961,
    description: 'The document is under legal hold: it cannot be deleted until the hold is released',
  },
  DOCUMENT_TRASHED: {
    family: 'CONFLICT',
    api: 40962,
    description: 'The document is in the trash; restore it first',
  },
  DOCUMENT_NO_PREVIEW: {
    family: 'CONFLICT',
    api: 40963,
    description: 'No preview exists for this version (inert macro file, or no office converter is installed)',
  },
  DOCUMENT_PREVIEW_FAILED: {
    family: 'UNAVAILABLE',
    api: 50360,
    description:
      'LibreOffice could not turn this office file into a preview (timeout, crash, damaged file, or converter unavailable)',
  },
  DOCUMENT_WATERMARK_UNSUPPORTED: {
    family: 'UNSUPPORTED_MEDIA',
    api: 41562,
    description:
      'The category requires a viewer watermark and this file cannot carry one (GIF, WebP or SVG image, damaged or encrypted PDF): it is not served unmarked',
  },
  DOCUMENT_WATERMARK_FAILED: {
    family: 'UNAVAILABLE',
    api: 50362,
    description: 'The viewer watermark cannot be drawn: the server lacks its fonts (scripts/system-deps.sh)',
  },
  DOCUMENT_THUMBNAILS_FAILED: {
    family: 'UNAVAILABLE',
    api: 50361,
    description:
      'pdftoppm could not render page thumbnails of this version (damaged PDF, timeout, memory limit, or poppler missing)',
  },
  DOCUMENT_CORRUPTED: {
    family: 'STORAGE_CORRUPTED',
    api: 50060,
    description:
      'The stored bytes no longer match the version’s SHA-256; an alert was raised and nothing was served',
  },
});
