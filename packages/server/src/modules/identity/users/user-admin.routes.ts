import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityErrors } from '../identity.errors.js';
import { stepUpProofHeader } from '../mfa/step-up-proof.service.js';
import { changeUserStatus, removeUserMfa, resetUserPassword } from './user-admin.service.js';
import type { UserStatusEvent } from './user-status.state.js';
import * as s from './users.schemas.js';
import { changeUserRoles, userView } from './users.service.js';

const need = (permission: string) => ({ permission });
const reach = [identityErrors.TARGET_OUTRANKS_ACTOR];

/** Roles, status, password reset and MFA removal for one user (within the data scope). */
export function userAdminRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'PUT',
      url: '/users/:id/roles',
      access: need('identity.user.update'),
      summary: 'Replace a user’s roles',
      description: 'Never grants more than the caller holds; nobody changes their own roles.',
      params: s.userParams,
      body: s.rolesBody,
      response: s.userView,
      errors: ['NOT_FOUND', ...reach, identityErrors.SELF_CHANGE],
      handler: async (request) => {
        const principal = principalOf(request);
        const user = await inTransaction(db, (trx) =>
          changeUserRoles(trx, runtime, actorOf(request), principal, request.params.id, request.body.roles),
        );
        return userView(db, principal, user);
      },
    }),
    statusRoute(runtime, 'disable', 'POST', '/users/:id/disable', 'Disable a user'),
    statusRoute(runtime, 'disable', 'DELETE', '/users/:id', 'Disable a user (accounts are never deleted)'),
    statusRoute(runtime, 'enable', 'POST', '/users/:id/enable', 'Enable a disabled user'),
    statusRoute(runtime, 'lock', 'POST', '/users/:id/lock', 'Lock a user'),
    statusRoute(runtime, 'unlock', 'POST', '/users/:id/unlock', 'Unlock a user (clearing any lockout)'),
    defineRoute({
      method: 'POST',
      url: '/users/:id/reset-password',
      access: need('identity.user.reset_password'),
      summary: 'Mail a user a password reset link',
      description: 'The administrator sees no password; needs a step-up proof.',
      params: s.userParams,
      headers: s.stepUpHeaders,
      response: s.resetResult,
      errors: ['NOT_FOUND', 'CONFLICT', ...reach, identityErrors.REAUTHENTICATION_REQUIRED],
      handler: async (request) =>
        inTransaction(db, (trx) =>
          resetUserPassword(trx, runtime, actorOf(request), principalOf(request), {
            id: request.params.id,
            stepUpProof: stepUpProofHeader(request.headers),
          }),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/users/:id/mfa',
      access: need('identity.user.update'),
      summary: 'Remove a user’s lost authenticator',
      params: s.userParams,
      headers: s.stepUpHeaders,
      response: s.userView,
      errors: ['NOT_FOUND', ...reach, identityErrors.REAUTHENTICATION_REQUIRED],
      handler: async (request) => {
        const principal = principalOf(request);
        const row = await inTransaction(db, (trx) =>
          removeUserMfa(trx, runtime, actorOf(request), principal, {
            id: request.params.id,
            stepUpProof: stepUpProofHeader(request.headers),
          }),
        );
        return userView(db, principal, row);
      },
    }),
  ];
}

function statusRoute(
  runtime: IdentityDeps,
  change: UserStatusEvent,
  method: 'POST' | 'DELETE',
  url: string,
  summary: string,
): RouteDefinition {
  const { db } = runtime.ctx;
  return defineRoute({
    method,
    url,
    access: need('identity.user.disable'),
    summary,
    params: s.userParams,
    ...(method === 'POST' ? { body: s.reasonBody } : {}),
    response: s.userView,
    errors: ['NOT_FOUND', 'CONFLICT', ...reach],
    handler: async (request) => {
      const principal = principalOf(request);
      const reason = (request.body as { reason?: string } | undefined)?.reason;
      const row = await inTransaction(db, (trx) =>
        changeUserStatus(trx, runtime, actorOf(request), principal, {
          id: (request.params as { id: string }).id,
          change,
          reason,
        }),
      );
      return userView(db, principal, row);
    },
  });
}
