import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pageQuerySchema, pageSchema, paginate } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { notFound } from '../../../platform/errors.js';
import { principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { applyDataScope } from '../roles/data-scope.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { plusMinutes } from '../shared/secrets.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import { dataScopeOf } from './principal-details.js';
import { revokeSessions } from './session.repository.js';

const sessionView = Type.Object({
  id: Type.String(),
  user_id: Type.String(),
  username: Type.String(),
  full_name: Type.String(),
  auth_method: Type.String({ description: 'How the session signed in (password, password+totp, ...)' }),
  ip: Type.String(),
  user_agent: Type.String(),
  created_at: Type.String(),
  last_seen_at: Type.String({ description: 'Last activity (updated at most once a minute)' }),
  expires_at: Type.String(),
  current: Type.Boolean({ description: 'This is the caller’s own session' }),
});
const listQuery = Type.Composite([
  pageQuerySchema(['last_seen_at', 'created_at'], 'last_seen_at'),
  Type.Object({
    user_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user’s sessions' })),
  }),
]);
const params = Type.Object({ id: Type.String({ format: 'uuid', description: 'Session id' }) });

/** /sessions: online users (active, non-idle sessions) within the caller's scope, and kick. */
export async function sessionRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = typed(api);
  getSessionsRoute(app, runtime);
  deleteSessionsByIdRoute(app, runtime);
}

/** GET /sessions */
function getSessionsRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db, clock } = runtime.ctx;
  const scoped = (request: Parameters<typeof principalOf>[0]) => {
    const now = clock.now().toISOString();
    const query = db
      .selectFrom('user_sessions as s')
      .innerJoin('users', 'users.id', 's.user_id')
      .select([
        's.id',
        's.user_id',
        'users.username',
        'users.full_name',
        's.auth_method',
        's.ip',
        's.user_agent',
        's.created_at',
        's.last_seen_at',
        's.expires_at',
      ])
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', plusMinutes(now, -runtime.settings.sessionIdleMinutes));
    return applyDataScope(query, dataScopeOf(principalOf(request)), {
      owner: 'users.id',
      department: 'users.department_id',
    });
  };
  app.get(
    '/sessions',
    {
      config: { access: { permission: 'identity.session.read' } },
      schema: {
        tags: ['sessions'],
        querystring: listQuery,
        response: { 200: envelope(pageSchema(sessionView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      let query = scoped(request);
      if (request.query.user_id) query = query.where('s.user_id', '=', request.query.user_id);
      const page = await paginate(
        query,
        request.query,
        { last_seen_at: 's.last_seen_at', created_at: 's.created_at' },
        's.id',
      );
      const mine = principalOf(request).sessionId;
      return ok({
        ...page,
        items: page.items.map((row): Static<typeof sessionView> => ({ ...row, current: row.id === mine })),
      });
    },
  );
}

/** DELETE /sessions/:id */
function deleteSessionsByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db, clock } = runtime.ctx;
  app.delete(
    '/sessions/:id',
    {
      config: { access: { permission: 'identity.session.kick' } },
      schema: {
        tags: ['sessions'],
        params,
        response: {
          200: envelope(Type.Object({ revoked: Type.Boolean() })),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await inTransaction(db, async (trx) => {
        const now = clock.now().toISOString();
        const target = await applyDataScope(
          trx
            .selectFrom('user_sessions as s')
            .innerJoin('users', 'users.id', 's.user_id')
            .select(['s.id', 's.user_id', 'users.username', 'users.department_id'])
            .where('s.id', '=', request.params.id)
            .where('s.revoked_at', 'is', null),
          dataScopeOf(principalOf(request)),
          { owner: 'users.id', department: 'users.department_id' },
        ).executeTakeFirst();
        if (!target) throw notFound('Session');
        await assertMayAdministerUser(trx, runtime, principalOf(request), {
          id: target.user_id,
          department_id: target.department_id,
        });
        await revokeSessions(trx, [target.id], now, 'kicked');
        await recordIdentity(trx, request, {
          action: identityEvents['session.kicked'],
          entityType: 'session',
          entityId: target.id,
          details: { user_id: target.user_id, username: target.username },
        });
      });
      return ok({ revoked: true });
    },
  );
}
