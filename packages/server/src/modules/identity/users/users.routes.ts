import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityErrors } from '../identity.errors.js';
import { stepUpProofHeader } from '../mfa/step-up-proof.service.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import * as s from './users.schemas.js';
import { createUser, editUser, listUsers, userInScope, userView } from './users.service.js';

const need = (permission: string) => ({ permission });

/** /users: administration of accounts, always within the caller's data scope. */
export function userRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/users',
      access: need('identity.user.read'),
      summary: 'List users',
      description: 'A page of the users within the caller’s data scope.',
      querystring: s.userListQuery,
      response: pageSchema(s.userView),
      handler: async (request) => listUsers(db, runtime, principalOf(request), request.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/users/:id',
      access: need('identity.user.read'),
      summary: 'Show a user',
      description: 'A user outside the caller’s data scope does not exist (404).',
      params: s.userParams,
      response: s.userView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const principal = principalOf(request);
        return userView(db, principal, await userInScope(db, dataScopeOf(principal), request.params.id));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/users',
      access: need('identity.user.create'),
      summary: 'Create a user (the user sets a password through the mailed link)',
      body: s.createUserBody,
      response: s.createdUser,
      status: 201,
      idempotent: true,
      errors: [identityErrors.TARGET_OUTRANKS_ACTOR, identityErrors.DEPARTMENT_OUTSIDE_SCOPE],
      handler: async (request) => {
        const principal = principalOf(request);
        // Presented inside the transaction: with an Idempotency-Key the reply commits with the user.
        const { view, setup } = await inTransaction(db, async (trx) => {
          const created = await createUser(trx, runtime, actorOf(request), principal, request.body);
          return { view: await userView(trx, principal, created.row), setup: created.setup };
        });
        return {
          ...view,
          password_setup: setup ? { delivery: 'email' as const, expires_at: setup.expires_at } : null,
        };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/users/:id',
      access: need('identity.user.update'),
      summary: 'Change a user’s profile',
      description: 'Profile fields only; changing the email needs a step-up proof.',
      params: s.userParams,
      headers: s.stepUpHeaders,
      body: s.updateUserBody,
      response: s.userView,
      errors: [
        'NOT_FOUND',
        identityErrors.REAUTHENTICATION_REQUIRED,
        identityErrors.TARGET_OUTRANKS_ACTOR,
        identityErrors.SELF_CHANGE,
        identityErrors.DEPARTMENT_OUTSIDE_SCOPE,
      ],
      handler: async (request) => {
        const principal = principalOf(request);
        const updated = await inTransaction(db, (trx) =>
          editUser(trx, runtime, actorOf(request), principal, {
            id: request.params.id,
            changes: request.body,
            stepUpProof: stepUpProofHeader(request.headers),
          }),
        );
        return userView(db, principal, updated);
      },
    }),
  ];
}
