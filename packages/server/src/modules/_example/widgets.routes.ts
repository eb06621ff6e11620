import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { examplePermissions as permissions } from './example.catalogue.js';
import type { ExampleDeps } from './example.deps.js';
import { exampleErrors } from './example.errors.js';
import { presentWidget } from './widgets.presenter.js';
import { newWidget, widgetCommand, widgetListQuery, widgetParams, widgetView } from './widgets.schemas.js';
import { changeWidgetState, createWidget, getWidget, listWidgets } from './widgets.service.js';

/**
 * The widget routes, thin: the helper validates (schemas) and authorizes (access rule);
 * the handler turns the request into an Actor, opens the transaction for writes, calls one
 * service function and presents the result.
 */
export function widgetRoutes(deps: ExampleDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/example/widgets',
      access: permissions.access('example.widget.read'),
      summary: 'List widgets',
      description: 'Reviewers see every widget; everybody else sees their own.',
      querystring: widgetListQuery,
      response: pageSchema(widgetView),
      handler: async (request) => {
        const actor = actorOf(request);
        const page = await listWidgets(deps.db, actor, request.query);
        return { ...page, items: page.items.map((row) => presentWidget(row, actor)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/example/widgets/:id',
      access: permissions.access('example.widget.read'),
      summary: 'Show a widget',
      params: widgetParams,
      response: widgetView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const actor = actorOf(request);
        return presentWidget(await getWidget(deps.db, actor, request.params.id), actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/example/widgets',
      access: permissions.access('example.widget.create'),
      summary: 'Create a widget (as a draft)',
      body: newWidget,
      response: widgetView,
      status: 201,
      idempotent: true,
      errors: [exampleErrors.WIDGET_NAME_TAKEN],
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await inTransaction(deps.db, (trx) => createWidget(trx, deps, actor, request.body));
        return presentWidget(row, actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/example/widgets/:id/events',
      access: permissions.access('example.widget.read'),
      summary: 'Submit, withdraw, approve or reject a widget',
      description:
        'Who may send which event is the policy’s call: owners submit and withdraw, reviewers decide.',
      params: widgetParams,
      body: widgetCommand,
      response: widgetView,
      errors: ['NOT_FOUND', platformErrors.STATE_TRANSITION_NOT_ALLOWED, exampleErrors.WIDGET_SELF_REVIEW],
      handler: async (request) => {
        const actor = actorOf(request);
        const command = { id: request.params.id, ...request.body };
        const row = await inTransaction(deps.db, (trx) => changeWidgetState(trx, deps, actor, command));
        return presentWidget(row, actor);
      },
    }),
  ];
}
