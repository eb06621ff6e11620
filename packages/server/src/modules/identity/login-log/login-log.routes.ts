import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pageQuerySchema, pageSchema, paginate } from '../../../platform/db/pagination.js';
import { principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { applyDataScope } from '../roles/data-scope.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';

const entry = Type.Object({
  id: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Null when the username matched no account',
  }),
  username: Type.String({ description: 'The username as typed' }),
  at: Type.String(),
  ip: Type.String(),
  user_agent: Type.String(),
  method: Type.String({ description: 'password, password+totp, step_up:..., ...' }),
  result: Type.String({ description: 'success, failure or challenge (second factor requested)' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed' }),
});
const query = Type.Composite([
  pageQuerySchema(['at'], 'at'),
  Type.Object({
    user_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user' })),
    result: Type.Optional(
      Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('challenge')]),
    ),
    ip: Type.Optional(Type.String({ maxLength: 64, description: 'Only this client address' })),
  }),
]);

/** /login-log: every authentication attempt, newest first, within the caller's data scope. */
export async function loginLogRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.ctx;
  app.get(
    '/login-log',
    {
      config: { access: { permission: 'identity.login_log.read' } },
      schema: {
        tags: ['login-log'],
        querystring: query,
        response: { 200: envelope(pageSchema(entry)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      let select = applyDataScope(
        db
          .selectFrom('login_log as l')
          .leftJoin('users', 'users.id', 'l.user_id')
          .select([
            'l.id',
            'l.user_id',
            'l.username',
            'l.at',
            'l.ip',
            'l.user_agent',
            'l.method',
            'l.result',
            'l.reason',
          ]),
        dataScopeOf(principalOf(request)),
        { owner: 'l.user_id', department: 'users.department_id' },
      );
      if (request.query.user_id) select = select.where('l.user_id', '=', request.query.user_id);
      if (request.query.result) select = select.where('l.result', '=', request.query.result);
      if (request.query.ip) select = select.where('l.ip', '=', request.query.ip);
      return ok(await paginate(select, request.query, { at: 'l.at' }, 'l.id'));
    },
  );
}
