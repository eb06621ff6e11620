import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityErrors } from '../identity.errors.js';
import { stepUpProofHeader } from '../mfa/step-up-proof.service.js';
import { stepUpHeaders } from '../users/users.schemas.js';
import { presentPasskey } from './passkeys.presenter.js';
import * as s from './passkeys.schemas.js';
import { passkeysOfUser, revokeUserPasskey } from './passkeys-admin.service.js';

const userPasskeyParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'User id' }),
  passkeyId: Type.String({ format: 'uuid', description: 'Passkey id' }),
});
const userParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'User id' }) });

/** An administrator's view of another user's passkeys, and revocation of a lost one. */
export function passkeyAdminRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/users/:id/passkeys',
      access: { permission: 'identity.user.read' },
      summary: 'A user’s passkeys (not revoked)',
      params: userParams,
      response: s.passkeyList,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const rows = await passkeysOfUser(db, principalOf(request), request.params.id);
        return { items: rows.map(presentPasskey) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/users/:id/passkeys/:passkeyId',
      access: { permission: 'identity.user.update' },
      summary: 'Revoke a user’s lost passkey (refused at once in every session; needs a step-up proof)',
      params: userPasskeyParams,
      headers: stepUpHeaders,
      response: s.passkeyView,
      errors: ['NOT_FOUND', identityErrors.TARGET_OUTRANKS_ACTOR, identityErrors.REAUTHENTICATION_REQUIRED],
      handler: async (request) => {
        const row = await inTransaction(db, (trx) =>
          revokeUserPasskey(trx, runtime, actorOf(request), principalOf(request), {
            userId: request.params.id,
            passkeyId: request.params.passkeyId,
            stepUpProof: stepUpProofHeader(request.headers),
          }),
        );
        return presentPasskey(row);
      },
    }),
  ];
}
