import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError } from '../../platform/errors.js';
import { MissingFontsError } from '../../platform/pdf/unicode-fonts.js';
import { openPreview, type Servable } from './content.service.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { isPreviewable } from './documents.presenter.js';
import * as docs from './documents.repository.js';
import { contentDisposition } from './file-names.js';
import { stampImage, stampWatermark } from './watermark.pdf.js';

/** Images pdf-lib can embed; other image types cannot carry a watermark. */
const stampableImages = new Set(['image/png', 'image/jpeg']);

/** The errors a route that may serve a watermarked copy declares. */
export const watermarkErrors = [
  documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED,
  documentsErrors.DOCUMENT_WATERMARK_FAILED,
];

/** Sends a watermarked copy: per viewer and per minute, so never cached and never ranged. */
export function sendWatermarked(
  reply: FastifyReply,
  copy: { pdf: Uint8Array; fileName: string },
  disposition: 'inline' | 'attachment',
): FastifyReply {
  reply
    .header('cache-control', 'no-store')
    .header('content-disposition', contentDisposition(disposition, copy.fileName));
  return reply.type('application/pdf').send(Buffer.from(copy.pdf));
}

/** Whether the document's category asks for a viewer watermark on previews and downloads. */
export function needsWatermark(deps: DocumentsDeps, servable: Servable): Promise<boolean> {
  return docs.watermarkRequired(deps.db, servable.document.category);
}

/** What is stamped: who looked, when (UTC, from the server clock) and from where. */
export function watermarkText(actor: Actor, now: Date): string {
  const at = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return [actor.name, at, actor.ip].filter((part) => part).join(' · ');
}

/**
 * A copy of the version for this viewer, watermarked on every page: PDFs as they are, office
 * files through their converted preview, PNG and JPEG as a one-page PDF. The stored bytes are
 * only read. The audit event (who, which version, what text) is committed before the copy is
 * served, so every watermarked copy that left the server is on record.
 */
export async function watermarkedCopy(
  deps: DocumentsDeps,
  servable: Servable,
  actor: Actor,
  purpose: 'preview' | 'download',
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { version } = servable;
  const isImage = version.media_type.startsWith('image/');
  // Without a PDF rendition (macro files, office files with no converter) nothing can be stamped.
  if (!isPreviewable(version, deps.officePreview !== null)) {
    throw domainError(
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED,
      'This category requires a viewer watermark, and this file has no PDF rendition to carry one',
    );
  }
  if (isImage && !stampableImages.has(version.media_type)) {
    throw domainError(
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED,
      `This category requires a viewer watermark, and a ${version.media_type} file cannot carry one`,
    );
  }
  const text = watermarkText(actor, deps.clock.now());
  const source = await openPreview(deps, servable);
  const bytes = await collect(source.body);
  const pdf = await stamp(() =>
    isImage ? stampImage(bytes, version.media_type, text) : stampWatermark(bytes, text),
  );
  await inTransaction(deps.db, (trx) =>
    deps.audit.record(trx, actor, {
      type: 'documents.document.watermarked_copy',
      entityId: servable.document.id,
      payload: { version: Number(version.version), purpose, watermark: text },
    }),
  );
  return { pdf, fileName: asPdfName(version.file_name) };
}

async function stamp(run: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MissingFontsError)
      throw domainError(
        documentsErrors.DOCUMENT_WATERMARK_FAILED,
        `The watermark cannot be drawn: ${error.message}. Run scripts/system-deps.sh on the server`,
      );
    // pdf-lib refuses encrypted and damaged files; the viewer gets nothing unmarked instead.
    throw domainError(
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED,
      'This file could not be watermarked (damaged or encrypted PDF), so it is not served',
      { details: { reason: error instanceof Error ? error.name : 'unknown' } },
    );
  }
}

async function collect(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The served copy is a PDF whatever the original was: `报价单.docx` → `报价单.pdf`. */
function asPdfName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.pdf`;
}
