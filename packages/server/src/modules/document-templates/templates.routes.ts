import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, defineRoute, mountRoutes } from '../../platform/http/route.js';
import { batchRoutes } from './batches.routes.js';
import {
  documentTemplatesTag,
  documentTemplatesPermissions as permissions,
} from './document-templates.catalogue.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import { draftRoutes } from './drafts.routes.js';
import { readerOf, recordSourceRoutes, sourceOf } from './record-sources.routes.js';
import { loadRecord, mergeRecord } from './record-sources.service.js';
import { sampleRow } from './row-validation.js';
import { renderPreview, stageTemplate } from './template-files.service.js';
import { presentTemplate, presentVersion } from './templates.presenter.js';
import {
  previewBody,
  schemaEdit,
  templateDetail,
  templateListQuery,
  templateParams,
  templateView,
  variableChange,
  versionParams,
  versionView,
} from './templates.schemas.js';
import * as service from './templates.service.js';
import { readSmallUpload } from './upload-reader.js';

const uploadErrors = ['TOO_LARGE' as const, 'UNSUPPORTED_MEDIA' as const, errors.TEMPLATE_INVALID];
const read = permissions.access('doc_templates.template.read');
const manage = permissions.access('doc_templates.template.manage');

/** Template routes, mounted in their own scope (the only one here with a multipart parser). */
export async function templateRoutes(scope: FastifyInstance, deps: DocumentTemplatesDeps): Promise<void> {
  await scope.register(multipart);
  const detail = async (templateId: string, version?: number) => {
    const row = await service.getVersion(deps.db, templateId, version);
    const changes =
      row.version > 1 ? await service.versionDiff(deps.db, templateId, row.version - 1, row.version) : [];
    return {
      template: presentTemplate(await service.getTemplate(deps.db, templateId)),
      version: presentVersion(row),
      changes,
    };
  };
  mountRoutes(scope, documentTemplatesTag, [
    defineRoute({
      method: 'GET',
      url: '/document-templates',
      access: read,
      summary: 'List DOCX templates',
      querystring: templateListQuery,
      response: pageSchema(templateView),
      handler: async (request) => {
        const page = await service.listTemplates(deps.db, request.query);
        return { ...page, items: page.items.map(presentTemplate) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/document-templates',
      access: manage,
      summary: 'Upload a DOCX template (multipart: name, description, then the file)',
      description: 'Its placeholders, loops and conditions become the variable schema of version 1.',
      response: templateDetail,
      status: 201,
      idempotent: true,
      errors: [...uploadErrors, errors.TEMPLATE_NAME_TAKEN],
      handler: async (request) => {
        const upload = await readSmallUpload(request, deps.maxUploadBytes, ['name', 'description']);
        const name = (upload.fields.name ?? '').trim() || upload.fileName.replace(/\.docx$/i, '');
        const staged = await stageTemplate(deps, upload.bytes, upload.fileName);
        const created = await inTransaction(deps.db, (trx) =>
          service.createTemplate(trx, deps, actorOf(request), {
            name: name.slice(0, 200),
            description: upload.fields.description?.trim() || null,
            staged,
          }),
        );
        return {
          template: presentTemplate(created.template),
          version: presentVersion(created.version),
          changes: [],
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/document-templates/:id',
      access: read,
      summary:
        'A template with its latest version, variable schema and the diff against the previous version',
      params: templateParams,
      response: templateDetail,
      errors: ['NOT_FOUND'],
      handler: async (request) => detail(request.params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/document-templates/:id/versions',
      access: read,
      summary: 'Every version of a template, newest first',
      params: templateParams,
      response: Type.Array(versionView),
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        (await service.listVersions(deps.db, request.params.id)).map(presentVersion),
    }),
    defineRoute({
      method: 'POST',
      url: '/document-templates/:id/versions',
      access: manage,
      summary: 'Upload a new version (multipart: note, then the file); answers the variable diff',
      params: templateParams,
      response: templateDetail,
      status: 201,
      idempotent: true,
      errors: [...uploadErrors, 'NOT_FOUND', 'CONFLICT'],
      handler: async (request) => {
        const upload = await readSmallUpload(request, deps.maxUploadBytes, ['note']);
        const staged = await stageTemplate(deps, upload.bytes, upload.fileName);
        const added = await inTransaction(deps.db, (trx) =>
          service.addVersion(trx, deps, actorOf(request), {
            templateId: request.params.id,
            staged,
            note: upload.fields.note?.trim() || null,
          }),
        );
        const template = await inTransaction(deps.db, (trx) => service.getTemplate(trx, request.params.id));
        return {
          template: presentTemplate(template),
          version: presentVersion(added.version),
          changes: added.changes,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/document-templates/:id/versions/:version/diff',
      access: read,
      summary: 'Variable diff of a version against the one before it',
      params: versionParams,
      response: Type.Array(variableChange),
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        request.params.version === 1
          ? []
          : service.versionDiff(
              deps.db,
              request.params.id,
              request.params.version - 1,
              request.params.version,
            ),
    }),
    defineRoute({
      method: 'PUT',
      url: '/document-templates/:id/versions/:version/variables',
      access: manage,
      summary: 'Edit a version’s variable schema: labels, types, required, sample values',
      params: versionParams,
      body: schemaEdit,
      response: versionView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const row = await inTransaction(deps.db, (trx) =>
          service.editSchema(trx, deps, actorOf(request), {
            templateId: request.params.id,
            version: request.params.version,
            variables: request.body.variables,
          }),
        );
        return presentVersion(row);
      },
    }),
    defineFileRoute({
      method: 'POST',
      url: '/document-templates/:id/preview',
      access: permissions.access('doc_templates.batch.run'),
      summary: 'Preview: the template filled with sample (or given) data, or a record’s, as a PDF',
      params: templateParams,
      body: previewBody,
      file: Type.String({ format: 'binary', description: 'The PDF' }),
      errors: [
        'NOT_FOUND',
        'FORBIDDEN',
        'VALIDATION',
        errors.TEMPLATE_DATA_INVALID,
        errors.TEMPLATE_INVALID,
        errors.CONVERSION_FAILED,
      ],
      handler: async (request, reply) => {
        const { body } = request;
        const version = await service.getVersion(deps.db, request.params.id, body.version);
        const saved = service.variablesOf(version);
        const variables = body.variables ? service.editedVariables(saved, body.variables) : saved;
        const record = body.source
          ? await loadRecord(
              deps.ctx,
              deps.db,
              readerOf(request),
              sourceOf(body.source),
              body.source.entity_id,
            )
          : null;
        const data = record
          ? mergeRecord(record, body.data ?? {}, body.source?.mapping)
          : (body.data ?? sampleRow(variables));
        const pdf = await renderPreview(deps, version.file_key, variables, data);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="preview.pdf"')
          .send(pdf);
      },
    }),
    ...draftRoutes(deps),
    ...batchRoutes(deps),
    ...recordSourceRoutes(deps),
  ]);
}
