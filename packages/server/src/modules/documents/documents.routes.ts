import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, mountRoutes, type RouteDefinition } from '../../platform/http/route.js';
import { dataScopeOf } from '../identity/index.js';
import { contentRoutes } from './content.routes.js';
import { documentsTag, documentsPermissions as permissions } from './documents.catalogue.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { presentDocument, presentRetention, presentVersion } from './documents.presenter.js';
import {
  categoryParams,
  documentListQuery,
  documentParams,
  documentView,
  documentWithVersion,
  holdBody,
  metadataPatch,
  retentionBody,
  retentionView,
  trashQuery,
  versionParams,
  versionView,
} from './documents.schemas.js';
import {
  documentVersions,
  getDocument,
  listDocuments,
  restoreVersion,
  updateMetadata,
} from './documents.service.js';
import {
  restoreFromTrash,
  retentionPolicyList,
  setLegalHold,
  setRetentionPolicy,
  trashDocument,
} from './lifecycle.service.js';
import { previewRoutes } from './preview.routes.js';

/** The caller's data scope (identity's helper), applied to every list and detail read. */
export const scopeOf = (request: FastifyRequest) =>
  dataScopeOf(request.principal as NonNullable<FastifyRequest['principal']>);

/** Mounts the JSON routes and, in their own scope with the multipart parser, the file routes. */
export async function documentsRoutes(api: FastifyInstance, deps: DocumentsDeps): Promise<void> {
  mountRoutes(api, documentsTag, metadataRoutes(deps));
  previewRoutes(api, deps);
  await api.register(async (scope) => contentRoutes(scope, deps));
}

function metadataRoutes(deps: DocumentsDeps): RouteDefinition[] {
  const present = (request: FastifyRequest) => {
    const actor = actorOf(request);
    return (row: Parameters<typeof presentDocument>[0]) => presentDocument(row, actor, deps.clock.now());
  };
  const hasConverter = () => deps.officePreview !== null;
  return [
    defineRoute({
      method: 'GET',
      url: '/documents',
      access: permissions.access('documents.document.read'),
      summary: 'List documents (global library, per record, per contract number, or the trash)',
      querystring: documentListQuery,
      response: pageSchema(documentView),
      handler: async (request) => {
        const q = request.query;
        const filter = {
          state: q.trashed ? ('trashed' as const) : ('active' as const),
          category: q.category,
          entityType: q.entity_type,
          entityId: q.entity_id,
          contractNumber: q.contract_number,
          ownerId: q.owner_id,
          q: q.q,
          legalHold: q.legal_hold,
        };
        const page = await listDocuments(deps.db, scopeOf(request), filter, q);
        return { ...page, items: page.items.map(present(request)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id',
      access: permissions.access('documents.document.read'),
      summary: 'Show a document',
      params: documentParams,
      response: documentView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        present(request)(await getDocument(deps.db, scopeOf(request), request.params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id/versions',
      access: permissions.access('documents.document.read'),
      summary: 'Version history, newest first, each with the metadata it was filed with',
      params: documentParams,
      response: Type.Array(versionView),
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        (await documentVersions(deps.db, scopeOf(request), request.params.id)).map((v) =>
          presentVersion(v, hasConverter()),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/documents/:id/versions/:version/restore',
      access: permissions.access('documents.document.upload'),
      summary: 'Restore an earlier version as a new version (nothing is overwritten)',
      params: versionParams,
      response: documentWithVersion,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', documentsErrors.DOCUMENT_TRASHED],
      handler: async (request) => {
        const actor = actorOf(request);
        const input = {
          documentId: request.params.id,
          version: request.params.version,
          scope: scopeOf(request),
        };
        const filed = await inTransaction(deps.db, (trx) => restoreVersion(trx, deps, actor, input));
        return {
          document: present(request)(filed.document),
          version: presentVersion(filed.version, hasConverter()),
        };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/documents/:id',
      access: permissions.access('documents.document.upload'),
      summary: 'Change title, category, tags or contract number',
      params: documentParams,
      body: metadataPatch,
      response: documentView,
      errors: [
        'NOT_FOUND',
        documentsErrors.DOCUMENT_RETAINED,
        documentsErrors.DOCUMENT_TRASHED,
        platformErrors.CHANGE_REASON_REQUIRED,
      ],
      handler: async (request) => {
        const input = { documentId: request.params.id, scope: scopeOf(request), changes: request.body };
        const row = await inTransaction(deps.db, (trx) => updateMetadata(trx, deps, actorOf(request), input));
        return present(request)(row);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/documents/:id/trash',
      access: permissions.access('documents.document.delete'),
      summary: 'Move a document to the trash (refused under legal hold or WORM retention, for every role)',
      params: documentParams,
      querystring: trashQuery,
      response: documentView,
      errors: [
        'NOT_FOUND',
        documentsErrors.DOCUMENT_ON_HOLD,
        documentsErrors.DOCUMENT_RETAINED,
        platformErrors.CHANGE_REASON_REQUIRED,
      ],
      handler: async (request) => {
        const input = { id: request.params.id, scope: scopeOf(request), reason: request.query.reason };
        const row = await inTransaction(deps.db, (trx) => trashDocument(trx, deps, actorOf(request), input));
        return present(request)(row);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/documents/:id/restore',
      access: permissions.access('documents.document.delete'),
      summary: 'Take a document back from the trash',
      params: documentParams,
      response: documentView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { id } = request.params;
        const row = await inTransaction(deps.db, (trx) =>
          restoreFromTrash(trx, deps, actorOf(request), id, scopeOf(request)),
        );
        return present(request)(row);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/documents/:id/legal-hold',
      access: permissions.access('documents.document.hold'),
      summary: 'Place (reason) or release (null) a legal hold',
      params: documentParams,
      body: holdBody,
      response: documentView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const input = { id: request.params.id, scope: scopeOf(request), reason: request.body.reason };
        const row = await inTransaction(deps.db, (trx) => setLegalHold(trx, deps, actorOf(request), input));
        return present(request)(row);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/retention-policies',
      access: permissions.access('documents.document.read'),
      summary: 'Retention policy per category',
      response: Type.Array(retentionView),
      handler: async () => (await retentionPolicyList(deps.db)).map(presentRetention),
    }),
    defineRoute({
      method: 'PUT',
      url: '/documents/retention-policies/:category',
      access: permissions.access('documents.retention.manage'),
      summary: 'Set a category’s retention (years, WORM) for documents filed from now on',
      params: categoryParams,
      body: retentionBody,
      response: retentionView,
      errors: [documentsErrors.DOCUMENT_RETAINED],
      handler: async (request) => {
        const { keep_years, worm, watermark, reason_required, note } = request.body;
        const input = {
          category: request.params.category,
          keepYears: keep_years,
          worm,
          ...(watermark === undefined ? {} : { watermark }),
          ...(reason_required === undefined ? {} : { reasonRequired: reason_required }),
          note: note ?? null,
        };
        return presentRetention(
          await inTransaction(deps.db, (trx) => setRetentionPolicy(trx, deps, actorOf(request), input)),
        );
      },
    }),
  ];
}
