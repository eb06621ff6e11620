import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import type { DefinitionBody } from './definition-model.js';
import { validateDefinition } from './definition-validate.js';
import { presentDefinition } from './definitions.presenter.js';
import * as s from './definitions.schemas.js';
import * as service from './definitions.service.js';

const read = permissions.access('workflow.definition.read');
const manage = permissions.access('workflow.definition.manage');
const notEditable = workflowErrors.DEFINITION_NOT_EDITABLE;

/** `/workflows`: definitions (seed 001 §5.5) with versions, validation, publication. */
export function definitionRoutes(deps: WorkflowDeps): RouteDefinition[] {
  const write = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(deps.db, work);
  const transition = (url: string, summary: string, act: typeof service.publishDefinition): RouteDefinition =>
    defineRoute({
      method: 'POST',
      url,
      access: manage,
      summary,
      params: s.definitionParams,
      response: s.definitionView,
      errors: ['NOT_FOUND', notEditable, workflowErrors.DEFINITION_INVALID],
      handler: async (request) =>
        presentDefinition(await write((trx) => act(trx, deps, actorOf(request), request.params.id))),
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/workflows',
      access: read,
      summary: 'List workflow definition versions',
      querystring: s.definitionListQuery,
      response: pageSchema(s.definitionView),
      handler: async (request) => {
        const page = await service.listDefinitions(deps.db, request.query);
        return { ...page, items: page.items.map(presentDefinition) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/workflows',
      access: manage,
      summary: 'Create a workflow definition (version 1, draft)',
      description: 'The body is validated: every problem is listed with its node id (40053).',
      body: s.newDefinition,
      response: s.definitionView,
      status: 201,
      idempotent: true,
      errors: ['CONFLICT', workflowErrors.DEFINITION_INVALID],
      handler: async (request) => {
        const input = { ...request.body, body: request.body.body as DefinitionBody };
        return presentDefinition(
          await write((trx) => service.createDefinition(trx, deps, actorOf(request), input)),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/workflows/validate',
      access: manage,
      summary: 'Validate a definition without saving it',
      body: s.validateRequest,
      response: s.validationView,
      handler: async (request) => {
        const issues = validateDefinition(request.body.body as DefinitionBody);
        return { valid: issues.length === 0, issues };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/workflows/:id',
      access: read,
      summary: 'Show a workflow definition version',
      params: s.definitionParams,
      response: s.definitionView,
      errors: ['NOT_FOUND'],
      handler: async (request) => presentDefinition(await service.getDefinition(deps.db, request.params.id)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/workflows/:id',
      access: manage,
      summary: 'Change a draft version',
      params: s.definitionParams,
      body: s.definitionChange,
      response: s.definitionView,
      errors: ['NOT_FOUND', notEditable, workflowErrors.DEFINITION_INVALID],
      handler: async (request) => {
        const input = { ...request.body, body: request.body.body as DefinitionBody };
        const row = await write((trx) =>
          service.updateDefinition(trx, deps, actorOf(request), request.params.id, input),
        );
        return presentDefinition(row);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/workflows/:id',
      access: manage,
      summary: 'Delete a draft version',
      params: s.definitionParams,
      response: Type.Object({ deleted: Type.Boolean({ description: 'Always true' }) }),
      errors: ['NOT_FOUND', notEditable],
      handler: async (request) => {
        await write((trx) => service.deleteDefinition(trx, deps, actorOf(request), request.params.id));
        return { deleted: true };
      },
    }),
    transition(
      '/workflows/:id/publish',
      'Publish a draft (the key’s published version is archived)',
      service.publishDefinition,
    ),
    transition(
      '/workflows/:id/archive',
      'Archive a published version (running approvals keep it)',
      service.archiveDefinition,
    ),
    defineRoute({
      method: 'POST',
      url: '/workflows/:id/versions',
      access: manage,
      summary: 'Start a new draft version, copied from this one',
      params: s.definitionParams,
      response: s.definitionView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentDefinition(
          await write((trx) => service.newVersion(trx, deps, actorOf(request), request.params.id)),
        ),
    }),
  ];
}
