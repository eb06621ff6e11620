import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import type { RecordReader } from '../../platform/record-data.js';
import { documentTemplatesPermissions as permissions } from './document-templates.catalogue.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { loadRecord, type RecordSource, readableSources } from './record-sources.service.js';
import { recordDataView, recordSourceParams, recordSourceView } from './templates.schemas.js';

/** Who reads records for a fill: the caller, with the principal for the owning module's data scope. */
export const readerOf = (request: FastifyRequest): RecordReader => ({
  actor: actorOf(request),
  principal: request.principal,
});

/** The API's `source` object as the service's record source. */
export const sourceOf = (source: {
  entity_type: string;
  mapping?: Record<string, string> | undefined;
}): RecordSource => ({
  entityType: source.entity_type,
  ...(source.mapping ? { mapping: source.mapping } : {}),
});

/** The record data providers a template may be filled from, and one record's fields. */
export function recordSourceRoutes(deps: DocumentTemplatesDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/document-templates/record-sources',
      access: permissions.access('doc_templates.batch.run'),
      summary: 'Record types a template can be filled from (those the caller may read), with their fields',
      response: Type.Array(recordSourceView),
      handler: async (request) =>
        readableSources(deps.ctx, readerOf(request)).map((provider) => ({
          entity_type: provider.entityType,
          description: provider.description,
          fields: provider.fields.map((field) => ({ ...field })),
        })),
    }),
    defineRoute({
      method: 'GET',
      url: '/document-templates/record-sources/:entityType/:entityId',
      access: permissions.access('doc_templates.batch.run'),
      summary: 'One record’s fields, as a fill would use them (through the owning module’s data scope)',
      params: recordSourceParams,
      response: recordDataView,
      errors: ['NOT_FOUND', 'FORBIDDEN'],
      handler: async (request) => {
        const { entityType, entityId } = request.params;
        const data = await loadRecord(deps.ctx, deps.db, readerOf(request), { entityType }, entityId);
        return { entity_type: entityType, entity_id: entityId, data };
      },
    }),
  ];
}
