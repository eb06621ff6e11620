import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { shippedTemplates } from './shipped-templates.js';
import { installTemplates } from './templates.service.js';

const templateView = Type.Object({ key: Type.String(), name: Type.String(), description: Type.String() });
const installView = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      outcome: Type.Union([Type.Literal('installed'), Type.Literal('present')]),
      id: Type.Union([Type.String(), Type.Null()], { description: 'The published version created now' }),
    }),
  ),
});

/** The shipped definitions: what they are, and installing them (keys already used are left alone). */
export function templateRoutes(deps: WorkflowDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/workflow-templates',
      access: permissions.access('workflow.definition.read'),
      summary: 'Workflow templates SignX ships',
      response: Type.Object({ items: Type.Array(templateView) }),
      handler: async () => ({
        items: shippedTemplates.map(({ key, name, description }) => ({ key, name, description })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/workflow-templates/install',
      access: permissions.access('workflow.definition.manage'),
      summary: 'Install (create and publish) the shipped templates whose key is free',
      response: installView,
      handler: async (request) => ({
        items: await inTransaction(deps.db, (trx) => installTemplates(trx, deps, actorOf(request))),
      }),
    }),
  ];
}
