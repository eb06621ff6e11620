import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { requireStepUpProofOf } from '../mfa/step-up-proof.service.js';
import { removeTotp } from '../mfa/totp.service.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import type { TypedApp } from '../shared/typed-app.js';
import { adminResetPassword, changeStatus } from './user-status.service.js';
import type { UserStatusEvent } from './user-status.state.js';
import * as s from './users.schemas.js';
import { changeUserRoles, userInScope, userView } from './users.service.js';

const need = (permission: string) => ({ access: { permission } });
const tags = ['users'];

/** Roles, status, password reset and MFA removal for one user (within the data scope). */
export async function userAdminRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  rolesRoute(app, runtime);
  statusRoute(app, runtime, 'disable', 'POST', '/users/:id/disable');
  statusRoute(app, runtime, 'disable', 'DELETE', '/users/:id');
  statusRoute(app, runtime, 'enable', 'POST', '/users/:id/enable');
  statusRoute(app, runtime, 'lock', 'POST', '/users/:id/lock');
  statusRoute(app, runtime, 'unlock', 'POST', '/users/:id/unlock');
  resetRoute(app, runtime);
  mfaRoute(app, runtime);
}

/** PUT /users/:id/roles: never grants more than the caller holds. */
function rolesRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.put(
    '/users/:id/roles',
    {
      config: need('identity.user.update'),
      schema: {
        tags,
        params: s.userParams,
        body: s.rolesBody,
        response: { 200: envelope(s.userView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await inTransaction(db, (trx) =>
        changeUserRoles(trx, runtime, actorOf(request), principal, request.params.id, request.body.roles),
      );
      return ok(await userView(db, principal, user));
    },
  );
}

/** POST /users/:id/reset-password: mails a link; the administrator sees no password. */
function resetRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.post(
    '/users/:id/reset-password',
    {
      config: need('identity.user.reset_password'),
      schema: {
        tags,
        params: s.userParams,
        headers: s.stepUpHeaders,
        response: { 200: envelope(s.resetResult), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ok(
        await inTransaction(db, async (trx) => {
          const user = await administeredUser(trx, runtime, request, request.params.id);
          await requireStepUpProofOf(trx, runtime.ctx, request);
          return adminResetPassword(trx, runtime, request, user);
        }),
      ),
  );
}

/** The user `id`, in the caller's scope and within the identity policy's reach (else 404/403). */
async function administeredUser(trx: Trx, runtime: IdentityRuntime, request: FastifyRequest, id: string) {
  const principal = principalOf(request);
  const user = await userInScope(trx, dataScopeOf(principal), id);
  await assertMayAdministerUser(trx, runtime, principal, user);
  return user;
}

/** DELETE /users/:id/mfa: removes a lost authenticator. */
function mfaRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.delete(
    '/users/:id/mfa',
    {
      config: need('identity.user.update'),
      schema: {
        tags,
        params: s.userParams,
        headers: s.stepUpHeaders,
        response: { 200: envelope(s.userView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await inTransaction(db, async (trx) => {
        const user = await administeredUser(trx, runtime, request, request.params.id);
        await requireStepUpProofOf(trx, runtime.ctx, request);
        if (await removeTotp(trx, user.id)) {
          await recordIdentity(trx, request, {
            action: identityEvents['mfa.unbound'],
            entityType: 'user',
            entityId: user.id,
            details: { by_administrator: true },
          });
          await notifyAccountChange(trx, runtime, user, {
            change: 'mfa_removed',
            byAdministrator: principalOf(request).username,
          });
        }
        return user;
      });
      return ok(await userView(db, principalOf(request), row));
    },
  );
}

function statusRoute(
  app: TypedApp,
  runtime: IdentityRuntime,
  change: UserStatusEvent,
  method: 'POST' | 'DELETE',
  url: string,
) {
  app.route({
    method,
    url,
    config: need('identity.user.disable'),
    schema: {
      tags,
      params: s.userParams,
      ...(method === 'POST' ? { body: s.reasonBody } : {}),
      response: { 200: envelope(s.userView), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const reason = (request.body as { reason?: string } | undefined)?.reason;
      const row = await inTransaction(runtime.ctx.db, async (trx) => {
        const user = await administeredUser(trx, runtime, request, (request.params as { id: string }).id);
        return changeStatus(trx, runtime, request, { user, change, actorUserId: principal.userId, reason });
      });
      return ok(await userView(runtime.ctx.db, principal, row));
    },
  });
}
