import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { signingPermissions as permissions } from './signing.catalogue.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentTemplate } from './signing.presenter.js';
import { idParams } from './signing.schemas.js';
import * as s from './templates.schemas.js';
import { createTemplate, listTemplates, updateTemplate } from './templates.service.js';

/** Signature templates (seed 004): list with filters, create, update. */
export function templateRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/digital-signature/templates',
      access: permissions.access('signing.template.read'),
      summary: 'List signature templates',
      description: 'Filters: entity_type, is_active, search (name or code); page, per_page (or page_size).',
      querystring: s.templateListQuery,
      response: s.templatePage,
      handler: async (request) => {
        const page = await listTemplates(deps.db, request.query);
        return { ...page, items: page.items.map(presentTemplate) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/templates',
      access: permissions.access('signing.template.manage'),
      summary: 'Create a signature template',
      description:
        'Required: template_name, template_code, entity_type. Defaults as the seed: 1 signature, any order, 365 days, 72 hours.',
      body: s.newTemplate,
      response: s.templateView,
      status: 201,
      idempotent: true,
      errors: [signingErrors.TEMPLATE_CODE_TAKEN, signingErrors.UNKNOWN_ENTITY_TYPE],
      handler: async (request) =>
        presentTemplate(
          await inTransaction(deps.db, (trx) => createTemplate(trx, deps, actorOf(request), request.body)),
        ),
    }),
    defineRoute({
      method: 'PUT',
      url: '/digital-signature/templates/:id',
      access: permissions.access('signing.template.manage'),
      summary: 'Update a signature template',
      description:
        'Any subset of the template fields; requests already created keep the settings they copied.',
      params: idParams,
      body: s.templatePatch,
      response: s.templateView,
      errors: ['NOT_FOUND', signingErrors.TEMPLATE_CODE_TAKEN, signingErrors.UNKNOWN_ENTITY_TYPE],
      handler: async (request) =>
        presentTemplate(
          await inTransaction(deps.db, (trx) =>
            updateTemplate(trx, deps, actorOf(request), request.params.id, request.body),
          ),
        ),
    }),
  ];
}
