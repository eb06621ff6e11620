import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { documentTemplatesPermissions as permissions } from './document-templates.catalogue.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import { discardDraft, previewDraft, saveDraft, stageDraft } from './drafts.service.js';
import { presentDraft, presentTemplate, presentVersion } from './templates.presenter.js';
import {
  draftParams,
  draftPreviewBody,
  draftSaveBody,
  draftView,
  templateDetail,
} from './templates.schemas.js';
import { getTemplate } from './templates.service.js';
import { readSmallUpload } from './upload-reader.js';

const manage = permissions.access('doc_templates.template.manage');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Draft preview: stage a DOCX, preview it with sample data, then save it as a version. */
export function draftRoutes(deps: DocumentTemplatesDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/document-templates/drafts',
      access: manage,
      summary: 'Stage a DOCX as an unsaved draft (multipart: optional template_id, then the file)',
      description:
        'Checked like an upload (content, size, package safety) and kept an hour for previews; ' +
        'with template_id it drafts that template’s next version. No template or version is created.',
      response: draftView,
      status: 201,
      idempotent: true,
      errors: ['TOO_LARGE', 'UNSUPPORTED_MEDIA', 'VALIDATION', 'NOT_FOUND', errors.TEMPLATE_INVALID],
      handler: async (request) => {
        const upload = await readSmallUpload(request, deps.maxUploadBytes, ['template_id']);
        const templateId = upload.fields.template_id?.trim() || null;
        if (templateId && !uuid.test(templateId)) {
          throw new AppError('VALIDATION', 'The request is not valid', {
            fieldErrors: [{ field: 'template_id', message: 'must be a template id (UUID)' }],
          });
        }
        const draft = await stageDraft(deps, actorOf(request), {
          bytes: upload.bytes,
          fileName: upload.fileName,
          templateId,
        });
        return presentDraft(draft);
      },
    }),
    defineFileRoute({
      method: 'POST',
      url: '/document-templates/drafts/:draftId/preview',
      access: manage,
      summary: 'Preview an unsaved draft filled with sample (or given) data, as a PDF; nothing is saved',
      params: draftParams,
      body: draftPreviewBody,
      file: Type.String({ format: 'binary', description: 'The PDF' }),
      errors: [
        'VALIDATION',
        errors.TEMPLATE_DRAFT_NOT_FOUND,
        errors.TEMPLATE_DATA_INVALID,
        errors.TEMPLATE_INVALID,
        errors.CONVERSION_FAILED,
      ],
      handler: async (request, reply) => {
        const pdf = await previewDraft(deps, actorOf(request), {
          draftId: request.params.draftId,
          data: request.body.data,
          variables: request.body.variables,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="preview.pdf"')
          .send(pdf);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/document-templates/drafts/:draftId/save',
      access: manage,
      summary: 'Save a draft as a new template (or its template’s next version) without re-uploading',
      params: draftParams,
      body: draftSaveBody,
      response: templateDetail,
      status: 201,
      idempotent: true,
      errors: ['VALIDATION', 'CONFLICT', errors.TEMPLATE_DRAFT_NOT_FOUND, errors.TEMPLATE_NAME_TAKEN],
      handler: async (request) => {
        const { body } = request;
        const saved = await inTransaction(deps.db, async (trx) => {
          const result = await saveDraft(trx, deps, actorOf(request), {
            draftId: request.params.draftId,
            name: body.name ?? null,
            description: body.description ?? null,
            note: body.note?.trim() || null,
            variables: body.variables,
          });
          return { ...result, template: await getTemplate(trx, result.templateId) };
        });
        return {
          template: presentTemplate(saved.template),
          version: presentVersion(saved.version),
          changes: saved.changes,
        };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/document-templates/drafts/:draftId',
      access: manage,
      summary: 'Discard an unsaved draft now (drafts also expire on their own)',
      params: draftParams,
      response: Type.Object({ discarded: Type.Boolean({ description: 'Always true' }) }),
      errors: [errors.TEMPLATE_DRAFT_NOT_FOUND],
      handler: async (request) => {
        await discardDraft(deps, actorOf(request), request.params.draftId);
        return { discarded: true };
      },
    }),
  ];
}
