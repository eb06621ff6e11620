import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, defineRoute, mountRoutes } from '../../platform/http/route.js';
import {
  IntegrityFailure,
  openVersion,
  parseRange,
  recordIntegrityFailure,
  servableVersion,
  sliceStream,
} from './content.service.js';
import { documentsTag, documentsPermissions as permissions } from './documents.catalogue.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { presentDocument, presentVersion } from './documents.presenter.js';
import { scopeOf } from './documents.routes.js';
import { documentParams, documentWithVersion, versionParams } from './documents.schemas.js';
import { addVersion, createDocument } from './documents.service.js';
import { contentDisposition } from './file-names.js';
import { readUpload } from './multipart-upload.js';
import { fileStaged } from './staging.service.js';
import { needsWatermark, sendWatermarked, watermarkErrors, watermarkedCopy } from './watermark.service.js';

const binary = Type.String({ format: 'binary', description: 'The file’s bytes' });
const uploadErrors = [
  'TOO_LARGE' as const,
  documentsErrors.DOCUMENT_EMPTY,
  documentsErrors.DOCUMENT_FILE_NAME_INVALID,
  documentsErrors.DOCUMENT_FILE_MISSING,
  documentsErrors.DOCUMENT_TYPE_REFUSED,
  documentsErrors.DOCUMENT_ARCHIVE_BOMB,
];

/**
 * The routes that move bytes: uploads (streaming multipart, fields first, one file) and
 * downloads/previews (ranges, RFC 6266 names, integrity checked). Mounted in their own
 * scope, the only one with a multipart parser.
 */
export async function contentRoutes(scope: FastifyInstance, deps: DocumentsDeps): Promise<void> {
  // One byte over the cap, so the spool's own limit (a clear TOO_LARGE) fires first.
  // preservePath: the name arrives as sent, so `../x.pdf` is refused rather than quietly cut down.
  await scope.register(multipart, {
    preservePath: true,
    limits: { fileSize: deps.settings.maxUploadBytes + 1, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  });
  const hasConverter = () => deps.officePreview !== null;
  const present = (request: FastifyRequest, filed: Awaited<ReturnType<typeof createDocument>>) => ({
    document: presentDocument(filed.document, actorOf(request), deps.clock.now()),
    version: presentVersion(filed.version, hasConverter()),
  });
  mountRoutes(scope, documentsTag, [
    defineRoute({
      method: 'POST',
      url: '/documents',
      access: permissions.access('documents.document.upload'),
      summary: 'File a document (multipart: the metadata fields, then one file)',
      description:
        'Fields title, category, tags (comma-separated), entity_type, entity_id, contract_number, note come ' +
        'before the file part. The type is decided from the content; nothing is stored when a check fails.',
      response: documentWithVersion,
      status: 201,
      idempotent: true,
      errors: uploadErrors,
      handler: async (request) => {
        const actor = actorOf(request);
        const upload = await readUpload(request, deps);
        const filed = await fileStaged(deps, upload.content, () =>
          inTransaction(deps.db, (trx) =>
            createDocument(trx, deps, actor, {
              entityType: upload.fields.entity_type,
              entityId: upload.fields.entity_id,
              contractNumber: upload.fields.contract_number,
              title: upload.fields.title,
              category: upload.fields.category,
              tags: upload.fields.tags,
              note: upload.fields.note,
              content: upload.content,
            }),
          ),
        );
        return present(request, filed);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/documents/:id/versions',
      access: permissions.access('documents.document.upload'),
      summary: 'Upload a new version of a document (multipart: optional note, then one file)',
      params: documentParams,
      response: documentWithVersion,
      status: 201,
      idempotent: true,
      errors: [...uploadErrors, 'NOT_FOUND', documentsErrors.DOCUMENT_TRASHED],
      handler: async (request) => {
        const actor = actorOf(request);
        const scope = scopeOf(request);
        const upload = await readUpload(request, deps, { versionOnly: true });
        const input = {
          documentId: request.params.id,
          scope,
          content: upload.content,
          note: upload.fields.note,
        };
        const filed = await fileStaged(deps, upload.content, () =>
          inTransaction(deps.db, (trx) => addVersion(trx, deps, actor, input)),
        );
        return present(request, filed);
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/documents/:id/versions/:version/content',
      access: permissions.access('documents.document.read'),
      summary: 'Download a version (Range requests, RFC 6266 file name, SHA-256 checked on read)',
      description:
        'When the category requires a viewer watermark, the answer is a PDF copy stamped with the ' +
        'viewer’s name, time and IP on every page (no ranges, never cached); the stored original is unchanged.',
      params: versionParams,
      file: binary,
      errors: ['NOT_FOUND', documentsErrors.DOCUMENT_CORRUPTED, ...watermarkErrors],
      handler: async (request, reply) => {
        const servable = await servableVersion(
          deps.db,
          scopeOf(request),
          request.params.id,
          request.params.version,
        );
        if (await needsWatermark(deps, servable)) {
          const copy = await withIntegrityAlert(request, deps, () =>
            watermarkedCopy(deps, servable, actorOf(request), 'download'),
          );
          return sendWatermarked(reply, copy, 'attachment');
        }
        const size = Number(servable.version.size);
        const range = parseRange(request.headers.range, size);
        reply.header('accept-ranges', 'bytes').header('etag', `"${servable.version.storage_key}"`);
        reply.header('content-disposition', contentDisposition('attachment', servable.version.file_name));
        reply.type(servable.version.media_type);
        if (range === 'unsatisfiable')
          return reply.code(416).header('content-range', `bytes */${size}`).send();
        const body = await withIntegrityAlert(request, deps, () => openVersion(deps, servable));
        if (!range) return reply.header('content-length', size).send(body);
        reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
        return reply
          .header('content-length', range.end - range.start + 1)
          .send(sliceStream(body, range.start, range.end));
      },
    }),
  ]);
}

/** Runs a read; a failed integrity check is recorded (audit + alert log) and answered 500 DOCUMENT_CORRUPTED. */
export async function withIntegrityAlert<T>(
  request: FastifyRequest,
  deps: DocumentsDeps,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof IntegrityFailure)) throw error;
    throw await inTransaction(deps.db, (trx) => recordIntegrityFailure(trx, deps, actorOf(request), error));
  }
}
