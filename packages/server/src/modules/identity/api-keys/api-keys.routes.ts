import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { presentKey } from './api-keys.presenter.js';
import { createdKey, createKeyBody, keyListQuery, keyParams, keyView } from './api-keys.schemas.js';
import { createKey, listVisibleKeys, revokeKey } from './api-keys.service.js';

const need = (permission: string) => ({ permission });

/** /api-keys: integration keys, shown once, stored as SHA-256, revocable at once. */
export function apiKeyRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db, clock } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/api-keys',
      access: need('identity.api_key.read'),
      summary: 'List API keys',
      description: 'Keys within the caller’s data scope (own keys, or those of users it administers).',
      querystring: keyListQuery,
      response: pageSchema(keyView),
      handler: async (request) => {
        const page = await listVisibleKeys(db, principalOf(request), request.query);
        return { ...page, items: page.items.map(presentKey) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api-keys',
      access: need('identity.api_key.create'),
      summary: 'Create an API key (shown once)',
      body: createKeyBody,
      response: createdKey,
      status: 201,
      handler: async (request) => {
        const principal = principalOf(request);
        const { row, key } = await inTransaction(db, (trx) =>
          createKey(trx, clock, actorOf(request), principal, request.body),
        );
        return { ...presentKey(row), key };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api-keys/:id',
      access: need('identity.api_key.revoke'),
      summary: 'Revoke an API key',
      params: keyParams,
      response: keyView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const principal = principalOf(request);
        const row = await inTransaction(db, (trx) =>
          revokeKey(trx, runtime, actorOf(request), principal, request.params.id),
        );
        return presentKey(row);
      },
    }),
  ];
}
