import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { teamNameOf } from '../owners.service.js';
import { webhooksPermissions as permissions } from '../webhooks.catalogue.js';
import type { WebhooksDeps } from '../webhooks.deps.js';
import { webhooksErrors as errors } from '../webhooks.errors.js';
import * as credentials from './credentials.service.js';
import { presentCredential } from './inbound.presenter.js';
import * as s from './inbound.schemas.js';

const manage = permissions.access('webhooks.inbound.manage');
const BASE = '/webhooks/inbound-credentials';

/** The inbound callback credentials: list, create, change, rotate, revoke (secrets shown once). */
export function inboundRoutes(deps: WebhooksDeps): RouteDefinition[] {
  const tx = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(deps.db, work);
  const named = async (row: Parameters<typeof presentCredential>[0]) =>
    presentCredential(row, await teamNameOf(deps.db, row));
  return [
    defineRoute({
      method: 'GET',
      url: '/webhooks/inbound-operations',
      access: manage,
      summary: 'List the callback routes and the operation each needs',
      response: Type.Array(s.operationView),
      handler: async (request) =>
        request.server.routeInventory.flatMap((route) =>
          'callback' in route.access
            ? [
                {
                  operation: route.access.callback,
                  method: route.method,
                  url: route.url,
                  description: deps.catalogues.permissions.get(route.access.callback)?.description ?? '',
                },
              ]
            : [],
        ),
    }),
    defineRoute({
      method: 'GET',
      url: BASE,
      access: manage,
      summary: 'List inbound callback credentials',
      querystring: s.credentialListQuery,
      response: pageSchema(s.credentialView),
      description:
        'Your own credentials and those of your teams (all of them with webhooks.endpoint.admin); `owner` narrows the list.',
      errors: [errors.WEBHOOK_OWNER_FILTER_INVALID],
      handler: async (request) => {
        const { teamNames, ...page } = await credentials.listCredentials(
          deps.db,
          actorOf(request),
          request.query,
        );
        return { ...page, items: page.items.map((row) => presentCredential(row, teamNames)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: BASE,
      access: manage,
      summary: 'Create an inbound credential (its secret is shown once)',
      description:
        'Operations must be ones the caller holds; the credential acts for the caller, like an API key.' +
        ' With `team_id` one of your teams owns it: its members with webhooks.inbound.manage manage it.',
      body: s.credentialInput,
      response: s.credentialWithSecret,
      status: 201,
      idempotent: true,
      errors: [errors.WEBHOOK_TEAM_NOT_MEMBER, errors.WEBHOOK_TEAM_NOT_FOUND],
      handler: async (request) => {
        const made = await tx((trx) =>
          credentials.createCredential(trx, deps, actorOf(request), request.body),
        );
        return { credential: await named(made.row), secret: made.secret };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id`,
      access: manage,
      summary: 'Change an inbound credential (name, operations, IP allow-list, active)',
      params: s.credentialParams,
      body: s.credentialInput,
      response: s.credentialView,
      description: "Not yours nor your team's: 404. `team_id` moves it to another of your teams.",
      errors: ['NOT_FOUND', 'CONFLICT', errors.WEBHOOK_TEAM_NOT_MEMBER, errors.WEBHOOK_TEAM_NOT_FOUND],
      handler: async (request) =>
        named(
          await tx((trx) =>
            credentials.updateCredential(trx, deps, actorOf(request), request.params.id, request.body),
          ),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/:id/rotate-secret`,
      access: manage,
      summary: 'Rotate the secret (the old one verifies too until the overlap ends)',
      params: s.credentialParams,
      response: s.credentialWithSecret,
      errors: ['NOT_FOUND', 'CONFLICT'],
      handler: async (request) => {
        const made = await tx((trx) =>
          credentials.rotateCredential(trx, deps, actorOf(request), request.params.id),
        );
        return { credential: await named(made.row), secret: made.secret };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/:id/revoke`,
      access: manage,
      summary: 'Revoke an inbound credential at once and for good',
      params: s.credentialParams,
      response: s.credentialView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        named(
          await tx((trx) => credentials.revokeCredential(trx, deps, actorOf(request), request.params.id)),
        ),
    }),
  ];
}
