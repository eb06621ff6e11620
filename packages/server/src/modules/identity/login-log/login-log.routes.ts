import { pageSchema } from '../../../platform/db/pagination.js';
import { principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { loginLogEntry, loginLogQuery } from './login-log.schemas.js';
import { listLoginAttempts } from './login-log.service.js';

/** /login-log: every authentication attempt, newest first, within the caller's data scope. */
export function loginLogRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/login-log',
      access: { permission: 'identity.login_log.read' },
      summary: 'List sign-in attempts',
      description: 'Newest first, within the caller’s data scope.',
      querystring: loginLogQuery,
      response: pageSchema(loginLogEntry),
      handler: async (request) => listLoginAttempts(db, dataScopeOf(principalOf(request)), request.query),
    }),
  ];
}
