import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { meView } from './me.schemas.js';
import { changeOwnProfile, checkOwnProfileChange, describeMe } from './me.service.js';
import { profileBody } from './users.schemas.js';

const signedIn = { authenticated: true } as const;

/** /me: who the caller is and what it may do; PATCH changes only the caller's own profile. */
export function meRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/me',
      access: signedIn,
      summary: 'Who the caller is: profile, permissions, data scope, MFA state',
      response: meView,
      handler: async (request) => describeMe(db, principalOf(request)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/me',
      access: signedIn,
      summary: 'Change the caller’s own profile',
      description: 'A new email needs the current password (reset links go there).',
      body: profileBody,
      response: meView,
      handler: async (request) => {
        const principal = principalOf(request);
        const actor = actorOf(request);
        // The password is checked before the transaction: a wrong one must count even though the change fails.
        const userId = await checkOwnProfileChange(runtime, actor, principal, request.body);
        await inTransaction(db, (trx) => changeOwnProfile(trx, runtime, actor, userId, request.body));
        return describeMe(db, principal);
      },
    }),
  ];
}
