import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, defineRoute, mountRoutes } from '../../platform/http/route.js';
import { withIntegrityAlert } from './content.routes.js';
import { openPreview, servableVersion } from './content.service.js';
import { documentsTag, documentsPermissions as permissions } from './documents.catalogue.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { scopeOf } from './documents.routes.js';
import { versionParams } from './documents.schemas.js';
import { contentDisposition } from './file-names.js';
import { maxThumbnailPages, thumbnailCount, thumbnailPng } from './thumbnails.service.js';
import { needsWatermark, sendWatermarked, watermarkErrors, watermarkedCopy } from './watermark.service.js';

const binary = Type.String({ format: 'binary', description: 'The bytes' });
const pageParams = Type.Composite([
  versionParams,
  Type.Object({
    page: Type.Integer({ minimum: 1, maximum: maxThumbnailPages, description: 'Page (1-based)' }),
  }),
]);
const thumbnailErrors = [
  'NOT_FOUND' as const,
  documentsErrors.DOCUMENT_NO_PREVIEW,
  documentsErrors.DOCUMENT_PREVIEW_FAILED,
  documentsErrors.DOCUMENT_THUMBNAILS_FAILED,
  documentsErrors.DOCUMENT_CORRUPTED,
];

/** Inline previews (watermarked when the category asks) and page thumbnails, all scope-checked. */
export function previewRoutes(api: FastifyInstance, deps: DocumentsDeps): void {
  mountRoutes(api, documentsTag, [
    defineFileRoute({
      method: 'GET',
      url: '/documents/:id/versions/:version/preview',
      access: permissions.access('documents.document.read'),
      summary: 'Preview a version inline: PDFs and images as they are, office files as PDF (cached by hash)',
      description:
        'When the category requires a viewer watermark, the answer is a PDF copy stamped with the ' +
        'viewer’s name, time and IP on every page, never cached; the stored original is unchanged.',
      params: versionParams,
      file: binary,
      errors: [
        'NOT_FOUND',
        documentsErrors.DOCUMENT_NO_PREVIEW,
        documentsErrors.DOCUMENT_CORRUPTED,
        ...watermarkErrors,
      ],
      handler: async (request, reply) => {
        const { id, version } = request.params;
        const servable = await servableVersion(deps.db, scopeOf(request), id, version);
        if (await needsWatermark(deps, servable)) {
          const copy = await withIntegrityAlert(request, deps, () =>
            watermarkedCopy(deps, servable, actorOf(request), 'preview'),
          );
          return sendWatermarked(reply, copy, 'inline');
        }
        const etag = `"${servable.version.storage_key}"`;
        // Versions never change, so a preview is cacheable for good (privately: it is access-controlled).
        reply.header('cache-control', 'private, max-age=31536000, immutable').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        const preview = await withIntegrityAlert(request, deps, () => openPreview(deps, servable));
        reply.header('content-disposition', contentDisposition('inline', servable.version.file_name));
        // An SVG is shown as an image only: no script, no requests, even if opened directly.
        reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        return reply.type(preview.mediaType).send(preview.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id/versions/:version/thumbnails',
      access: permissions.access('documents.document.read'),
      summary: 'How many page thumbnails a PDF or office version has (its first pages), rendering them once',
      params: versionParams,
      response: Type.Object({
        pages: Type.Integer({ description: 'Thumbnails available, numbered from 1' }),
        max_pages: Type.Integer({ description: 'Thumbnails cover at most this many first pages' }),
      }),
      errors: thumbnailErrors,
      handler: async (request) => {
        const { id, version } = request.params;
        const servable = await servableVersion(deps.db, scopeOf(request), id, version);
        const pages = await withIntegrityAlert(request, deps, () => thumbnailCount(deps, servable));
        return { pages, max_pages: maxThumbnailPages };
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/documents/:id/versions/:version/thumbnails/:page',
      access: permissions.access('documents.document.read'),
      summary: 'One page thumbnail (PNG, longest side 240 px), cached by content hash',
      params: pageParams,
      file: binary,
      errors: thumbnailErrors,
      handler: async (request, reply) => {
        const { id, version, page } = request.params;
        const servable = await servableVersion(deps.db, scopeOf(request), id, version);
        const etag = `"${servable.version.storage_key}-${page}"`;
        reply.header('cache-control', 'private, max-age=31536000, immutable').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        const png = await withIntegrityAlert(request, deps, () => thumbnailPng(deps, servable, page));
        return reply.type('image/png').send(png);
      },
    }),
  ]);
}
