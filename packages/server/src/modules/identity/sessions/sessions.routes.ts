import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { kickSession, listOnlineSessions } from './online-sessions.service.js';
import { sessionListQuery, sessionParams, sessionView } from './sessions.schemas.js';

/** /sessions: online users (active, non-idle sessions) within the caller's scope, and kick. */
export function sessionRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/sessions',
      access: { permission: 'identity.session.read' },
      summary: 'List online sessions',
      querystring: sessionListQuery,
      response: pageSchema(sessionView),
      handler: async (request) => listOnlineSessions(db, runtime, principalOf(request), request.query),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/sessions/:id',
      access: { permission: 'identity.session.kick' },
      summary: 'End a session',
      params: sessionParams,
      response: Type.Object({ revoked: Type.Boolean() }),
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        await inTransaction(db, (trx) =>
          kickSession(trx, runtime, actorOf(request), principalOf(request), request.params.id),
        );
        return { revoked: true };
      },
    }),
  ];
}
