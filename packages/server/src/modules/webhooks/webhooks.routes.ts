import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import * as endpoints from './endpoints.service.js';
import { getDelivery, listDeliveries } from './log.service.js';
import { myTeams, teamNameOf } from './owners.service.js';
import { redeliver, replay, sendTest } from './redelivery.service.js';
import { webhooksPermissions as permissions } from './webhooks.catalogue.js';
import type { WebhooksDeps } from './webhooks.deps.js';
import { webhooksErrors as errors } from './webhooks.errors.js';
import { presentAttempt, presentDelivery, presentEndpoint } from './webhooks.presenter.js';
import * as s from './webhooks.schemas.js';

const manage = permissions.access('webhooks.endpoint.manage');

/** The webhooks routes: thin handlers over the endpoint, log and redelivery services. */
export function webhookRoutes(deps: WebhooksDeps): RouteDefinition[] {
  const tx = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(deps.db, work);
  const named = async (row: Parameters<typeof presentEndpoint>[0]) =>
    presentEndpoint(row, await teamNameOf(deps.db, row));
  return [
    defineRoute({
      method: 'GET',
      url: '/webhooks/teams',
      access: manage,
      summary: 'The teams that may own your endpoints and credentials',
      description:
        'Your department and the departments you head: the choices for `team_id` when creating or moving one.',
      response: Type.Array(s.teamView),
      handler: async (request) => myTeams(deps.db, actorOf(request)),
    }),
    defineRoute({
      method: 'GET',
      url: '/webhooks/event-types',
      access: manage,
      summary: 'List the event types one may subscribe to',
      response: Type.Array(s.eventTypeView),
      handler: async () =>
        [...deps.catalogues.integrationEvents.values()].map((e) => ({
          type: e.type,
          module: e.module,
          resource_type: e.resourceType,
          description: e.description,
        })),
    }),
    defineRoute({
      method: 'GET',
      url: '/webhooks/endpoints',
      access: manage,
      summary: 'List webhook endpoints',
      description:
        'Your own endpoints and those of your teams (all of them with webhooks.endpoint.admin); `owner` narrows the list.',
      querystring: s.listQuery,
      response: pageSchema(s.endpointView),
      errors: [errors.WEBHOOK_OWNER_FILTER_INVALID],
      handler: async (request) => {
        const { teamNames, ...page } = await endpoints.listEndpoints(
          deps.db,
          actorOf(request),
          request.query,
        );
        return { ...page, items: page.items.map((row) => presentEndpoint(row, teamNames)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/webhooks/endpoints',
      access: manage,
      summary: 'Create an endpoint (its secret is shown once)',
      description:
        'Owned by you, or with `team_id` by one of your teams: then every member holding webhooks.endpoint.manage manages it.',
      body: s.endpointInput,
      response: s.endpointWithSecret,
      status: 201,
      idempotent: true,
      errors: [
        errors.WEBHOOK_URL_NOT_ALLOWED,
        errors.WEBHOOK_EVENT_UNKNOWN,
        errors.WEBHOOK_TEAM_NOT_MEMBER,
        errors.WEBHOOK_TEAM_NOT_FOUND,
      ],
      handler: async (request) => {
        const made = await tx((trx) => endpoints.createEndpoint(trx, deps, actorOf(request), request.body));
        return { endpoint: await named(made.row), secret: made.secret ?? '' };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/webhooks/endpoints/:id',
      access: manage,
      summary: 'Show an endpoint',
      description: "Not yours nor one of your teams': 404, as for an id that does not exist.",
      params: s.endpointParams,
      response: s.endpointView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        named(await endpoints.getEndpoint(deps.db, actorOf(request), request.params.id)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/webhooks/endpoints/:id',
      access: manage,
      summary: 'Change an endpoint (URL, events, active, owning team)',
      description: '`team_id` moves it to another of your teams (null: to you).',
      params: s.endpointParams,
      body: s.endpointInput,
      response: s.endpointView,
      errors: [
        'NOT_FOUND',
        errors.WEBHOOK_URL_NOT_ALLOWED,
        errors.WEBHOOK_EVENT_UNKNOWN,
        errors.WEBHOOK_TEAM_NOT_MEMBER,
        errors.WEBHOOK_TEAM_NOT_FOUND,
      ],
      handler: async (request) =>
        named(
          await tx((trx) =>
            endpoints.updateEndpoint(trx, deps, actorOf(request), request.params.id, request.body),
          ),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/webhooks/endpoints/:id',
      access: manage,
      summary: 'Delete an endpoint and its log',
      params: s.endpointParams,
      response: Type.Null(),
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await tx((trx) => endpoints.deleteEndpoint(trx, deps, actorOf(request), request.params.id));
        return null;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/webhooks/endpoints/:id/rotate-secret',
      access: manage,
      summary: 'Rotate the secret (the old one signs too until the overlap ends)',
      params: s.endpointParams,
      response: s.endpointWithSecret,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const made = await tx((trx) =>
          endpoints.rotateSecret(trx, deps, actorOf(request), request.params.id),
        );
        return { endpoint: await named(made.row), secret: made.secret ?? '' };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/webhooks/endpoints/:id/test',
      access: manage,
      summary: 'Send a test event',
      params: s.endpointParams,
      response: s.deliveryView,
      status: 202,
      errors: ['NOT_FOUND', errors.WEBHOOK_ENDPOINT_INACTIVE],
      handler: async (request) =>
        presentDelivery(await tx((trx) => sendTest(trx, deps, actorOf(request), request.params.id))),
    }),
    defineRoute({
      method: 'POST',
      url: '/webhooks/endpoints/:id/replay',
      access: manage,
      summary: 'Send the events of a time range again',
      params: s.endpointParams,
      body: s.replayBody,
      response: Type.Object({ deliveries: Type.Integer({ description: 'Deliveries made' }) }),
      status: 202,
      errors: ['NOT_FOUND', errors.WEBHOOK_ENDPOINT_INACTIVE, errors.WEBHOOK_REPLAY_TOO_LARGE],
      handler: async (request) => ({
        deliveries: await tx((trx) => replay(trx, deps, actorOf(request), request.params.id, request.body)),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/webhooks/endpoints/:id/deliveries',
      access: manage,
      summary: 'The delivery log of an endpoint',
      params: s.endpointParams,
      querystring: s.deliveryQuery,
      response: pageSchema(s.deliveryView),
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { status, event_type, ...page } = request.query;
        const found = await listDeliveries(
          deps.db,
          actorOf(request),
          request.params.id,
          { status, event_type } as never,
          page,
        );
        return { ...found, items: found.items.map(presentDelivery) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/webhooks/deliveries/:id',
      access: manage,
      summary: 'A delivery with every attempt',
      params: s.deliveryParams,
      response: s.deliveryDetail,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { delivery, attempts } = await getDelivery(deps.db, actorOf(request), request.params.id);
        return { ...presentDelivery(delivery), attempts_log: attempts.map(presentAttempt) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/webhooks/deliveries/:id/redeliver',
      access: manage,
      summary: 'Send a delivery again',
      params: s.deliveryParams,
      response: s.deliveryView,
      status: 202,
      idempotent: true,
      errors: ['NOT_FOUND', errors.WEBHOOK_ENDPOINT_INACTIVE],
      handler: async (request) =>
        presentDelivery(await tx((trx) => redeliver(trx, deps, actorOf(request), request.params.id))),
    }),
  ];
}
