import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ConvertError } from '../../platform/convert/convert-errors.js';
import type { ConvertibleExtension } from '../../platform/convert/convert-pool.js';
import type { Converter } from '../../platform/convert/converter.js';
import { domainError } from '../../platform/errors.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';
import type { OfficePreviewProvider } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';

/** Spreadsheets are paged by their rows: a preview shows the first pages, never thousands. */
const spreadsheetPages = '1-20';
const spreadsheets = new Set(['xlsx', 'ods']);

/**
 * Office previews through the app's LibreOffice pool, cached as files named by the source's
 * SHA-256: a version never changes, so one conversion serves every later preview of the same
 * content (in any document that shares it). Concurrent first requests share one conversion.
 * A failed conversion is a clear 503 (DOCUMENT_PREVIEW_FAILED) naming the pool's reason.
 */
export function converterOfficePreview(
  converter: Converter,
  storage: StoragePort,
  cacheDir: string,
): OfficePreviewProvider {
  const converting = new Map<string, Promise<string>>();

  const convertOnce = async (sha256: string, kind: string): Promise<string> => {
    const target = join(cacheDir, `${sha256}.pdf`);
    if (await exists(target)) return target;
    const source = await storage.read(sha256);
    let pdf: Buffer;
    try {
      pdf = await converter.convert(source, {
        extension: kind as ConvertibleExtension,
        ...(spreadsheets.has(kind) ? { pageRange: spreadsheetPages } : {}),
      });
    } catch (error) {
      if (!(error instanceof ConvertError)) throw error;
      throw domainError(
        documentsErrors.DOCUMENT_PREVIEW_FAILED,
        `The preview could not be made: ${error.message}`,
        {
          details: { reason: error.reason },
        },
      );
    }
    // Written aside and renamed, so a reader never sees half a PDF.
    await mkdir(cacheDir, { recursive: true });
    const partial = `${target}.${randomUUID()}.part`;
    await writeFile(partial, pdf);
    await rename(partial, target);
    return target;
  };

  return {
    async pdfFor({ sha256, kind }): Promise<Readable> {
      let pending = converting.get(sha256);
      if (!pending) {
        pending = convertOnce(sha256, kind).finally(() => converting.delete(sha256));
        converting.set(sha256, pending);
      }
      return createReadStream(await pending);
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
