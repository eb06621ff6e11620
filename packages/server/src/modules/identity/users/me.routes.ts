import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { verifiedUser } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { hasTotp } from '../mfa/totp.service.js';
import { detailsOf } from '../sessions/principal-details.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import { presentUser } from './users.presenter.js';
import { profileBody, userView } from './users.schemas.js';
import { changeUser, findUserById } from './users.service.js';

const me = Type.Object({
  user: userView,
  permissions: Type.Array(Type.String(), {
    description: 'Every permission the caller holds (a UI hides the rest)',
  }),
  data_scope: Type.Object({
    all: Type.Boolean({ description: 'Sees every row' }),
    department_ids: Type.Array(Type.String(), {
      description: 'Departments whose rows it sees (besides its own)',
    }),
  }),
  mfa: Type.Object({
    totp_bound: Type.Boolean({ description: 'An authenticator app is bound' }),
    required: Type.Boolean({ description: 'One of the caller’s roles requires MFA' }),
  }),
  auth_method: Type.String({ description: 'How this session signed in' }),
  session_id: Type.Union([Type.String(), Type.Null()]),
});

/** /me: who the caller is and what it may do; PATCH changes only the caller's own profile. */
export async function meRoutes(api: FastifyInstance, runtime: IdentityDeps): Promise<void> {
  const app = typed(api);
  getMeRoute(app, runtime);
  patchMeRoute(app, runtime);
}

/** What /me answers: the caller's profile, permissions, data scope and MFA state. */
function meView(runtime: IdentityDeps) {
  const { db } = runtime.ctx;
  return async (userId: string, principal: ReturnType<typeof principalOf>) => {
    const user = await findUserById(db, userId);
    if (!user) throw notFound('User');
    const details = detailsOf(principal);
    const scope = details.scope;
    return {
      user: presentUser(user, [...details.roleCodes], new Set(['user.phone.view'])),
      permissions: [...principal.permissions].sort(),
      data_scope: { all: scope.all, department_ids: scope.all ? [] : [...scope.departmentIds] },
      mfa: { totp_bound: await hasTotp(db, user.id), required: details.mfaRequired },
      auth_method: principal.authMethod,
      session_id: principal.sessionId,
    };
  };
}

/** GET /me */
function getMeRoute(app: TypedApp, runtime: IdentityDeps): void {
  const view = meView(runtime);
  app.get(
    '/me',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['me'], response: { 200: envelope(me), ...errorResponses(401) } },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!principal.userId) throw forbidden('No user behind this credential');
      return ok(await view(principal.userId, principal));
    },
  );
}

/** PATCH /me */
function patchMeRoute(app: TypedApp, runtime: IdentityDeps): void {
  const { db } = runtime.ctx;
  const view = meView(runtime);
  app.patch(
    '/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['me'],
        body: profileBody,
        response: { 200: envelope(me), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user' || !principal.userId)
        throw forbidden('Only a signed-in user can change a profile');
      const userId = principal.userId;
      const { current_password: currentPassword, ...changes } = request.body;
      const current = await findUserById(db, userId);
      if (!current) throw notFound('User');
      if (changes.email !== undefined && changes.email !== current.email) {
        // Password-reset links go to this address: changing it needs the password.
        if (!currentPassword)
          throw invalid('current_password', 'Enter your current password to change your email');
        await verifiedUser(runtime, actorOf(request), {
          userId,
          password: currentPassword,
          method: 'profile_email',
          field: 'current_password',
        });
      }
      await inTransaction(db, async (trx) => {
        const before = await findUserById(trx, userId);
        if (!before) throw notFound('User');
        await changeUser(trx, runtime, actorOf(request), before, changes);
      });
      return ok(await view(userId, principal));
    },
  );
}
