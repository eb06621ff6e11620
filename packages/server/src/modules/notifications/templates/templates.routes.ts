import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { notificationsPermissions as permissions } from '../notifications.catalogue.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import { previewDraft, previewVariant } from './template-preview.js';
import { presentTemplate, presentVersion } from './templates.presenter.js';
import * as s from './templates.schemas.js';
import * as templates from './templates.service.js';

/** Message templates: list, create, edit (a new version each time), diff, roll back, preview. */
export function templateRoutes(deps: NotificationsDeps): RouteDefinition[] {
  const detail = (d: templates.TemplateDetail) => ({
    template: presentTemplate(d.template),
    version: presentVersion(d.version, deps.templates.get(d.version)),
  });
  const read = permissions.access('notifications.template.read');
  const manage = permissions.access('notifications.template.manage');
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/templates',
      access: read,
      summary: 'List message templates',
      querystring: s.templateListQuery,
      response: pageSchema(s.templateView),
      handler: async (request) => {
        const { category, status, q, ...page } = request.query;
        const result = await templates.listTemplates(deps.db, { category, status, q }, page);
        return { ...result, items: result.items.map(presentTemplate) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/templates',
      access: manage,
      summary: 'Create a template (version 1)',
      description: 'Every variant is compiled in the sandbox and every variable it reads must be declared.',
      body: s.newTemplate,
      response: s.templateDetailView,
      status: 201,
      idempotent: true,
      errors: [errors.TEMPLATE_CODE_TAKEN, errors.TEMPLATE_INVALID, errors.CONTENT_BLOCKED],
      handler: async (request) =>
        detail(
          await inTransaction(deps.db, (trx) =>
            templates.createTemplate(trx, deps, actorOf(request), request.body),
          ),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/templates/:code',
      access: read,
      summary: 'Show a template and one version',
      params: s.codeParams,
      querystring: s.versionQuery,
      response: s.templateDetailView,
      errors: [errors.TEMPLATE_NOT_FOUND, 'NOT_FOUND'],
      handler: async (request) =>
        detail(await templates.getTemplate(deps.db, request.params.code, request.query.version)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/templates/:code',
      access: manage,
      summary: 'Save a new version',
      params: s.codeParams,
      body: s.templateUpdate,
      response: s.templateDetailView,
      errors: [errors.TEMPLATE_NOT_FOUND, errors.TEMPLATE_INVALID, errors.CONTENT_BLOCKED, 'CONFLICT'],
      handler: async (request) =>
        detail(
          await inTransaction(deps.db, (trx) =>
            templates.saveTemplate(trx, deps, actorOf(request), request.params.code, request.body),
          ),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/templates/:code/versions',
      access: read,
      summary: 'Every version, newest first',
      params: s.codeParams,
      response: s.versionsView(),
      errors: [errors.TEMPLATE_NOT_FOUND],
      handler: async (request) =>
        (await templates.templateVersions(deps.db, request.params.code)).map((v) =>
          presentVersion(v, deps.templates.get(v)),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/templates/:code/diff',
      access: read,
      summary: 'What changed between two versions',
      params: s.codeParams,
      querystring: s.diffQuery,
      response: s.diffView,
      errors: [errors.TEMPLATE_NOT_FOUND, 'NOT_FOUND'],
      handler: async (request) =>
        templates.diffTemplateVersions(deps.db, request.params.code, request.query.from, request.query.to),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/templates/:code/rollback',
      access: manage,
      summary: 'Make an earlier version current again (as a new version)',
      params: s.codeParams,
      body: s.rollbackBody,
      response: s.templateDetailView,
      errors: [errors.TEMPLATE_NOT_FOUND, 'NOT_FOUND', 'CONFLICT'],
      handler: async (request) =>
        detail(
          await inTransaction(deps.db, (trx) =>
            templates.rollbackTemplate(
              trx,
              deps,
              actorOf(request),
              request.params.code,
              request.body.version,
            ),
          ),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/templates/:code/status',
      access: manage,
      summary: 'Enable or disable a template',
      params: s.codeParams,
      body: s.statusBody,
      response: s.templateDetailView,
      errors: [errors.TEMPLATE_NOT_FOUND],
      handler: async (request) =>
        detail(
          await inTransaction(deps.db, (trx) =>
            templates.setTemplateStatus(
              trx,
              deps,
              actorOf(request),
              request.params.code,
              request.body.status,
            ),
          ),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/templates/:code/preview',
      access: read,
      summary: 'Render a saved version with sample data',
      params: s.codeParams,
      body: s.previewBody,
      response: s.previewView,
      errors: [errors.TEMPLATE_NOT_FOUND, errors.VARIABLE_MISSING, errors.RENDER_LIMIT, 'NOT_FOUND'],
      handler: async (request) => {
        const d = await templates.getTemplate(deps.db, request.params.code, request.body.version);
        return previewVariant(deps.engine, deps.templates.get(d.version), {
          ...request.body,
          fallbackLocale: d.template.default_locale,
          publicUrl: deps.publicUrl,
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/templates/preview',
      access: read,
      summary: 'Render unsaved content (the editor)',
      body: s.draftPreviewBody,
      response: s.previewView,
      errors: [errors.TEMPLATE_INVALID, errors.VARIABLE_MISSING, errors.RENDER_LIMIT, 'NOT_FOUND'],
      handler: async (request) =>
        previewDraft(deps.engine, request.body, { ...request.body, publicUrl: deps.publicUrl }),
    }),
  ];
}
