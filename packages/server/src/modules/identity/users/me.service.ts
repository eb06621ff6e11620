import type { Static } from '@sinclair/typebox';
import type { Actor as Caller } from '../../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { verifiedUser } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { hasTotp } from '../mfa/totp.service.js';
import { detailsOf } from '../sessions/principal-details.js';
import type { Actor } from '../shared/identity-audit.js';
import type { meView } from './me.schemas.js';
import { presentUser } from './users.presenter.js';
import { findUserById } from './users.repository.js';
import type { profileBody } from './users.schemas.js';
import { changeUser } from './users.service.js';

/** The caller's own account as /me shows it (every field read here, before presenting). */
export async function describeMe(db: DbOrTrx, principal: Principal): Promise<Static<typeof meView>> {
  if (!principal.userId) throw forbidden('No user behind this credential');
  const user = await findUserById(db, principal.userId);
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
}

/**
 * Checks a profile change of the signed-in user before its transaction: a new email needs
 * the current password (reset links go there); a wrong one counts toward the lockout, in
 * its own transaction. Returns the user id.
 */
export async function checkOwnProfileChange(
  runtime: IdentityDeps,
  actor: Caller,
  principal: Principal,
  body: Static<typeof profileBody>,
): Promise<string> {
  if (principal.kind !== 'user' || !principal.userId)
    throw forbidden('Only a signed-in user can change a profile');
  const userId = principal.userId;
  const current = await findUserById(runtime.ctx.db, userId);
  if (!current) throw notFound('User');
  if (body.email !== undefined && body.email !== current.email) {
    if (!body.current_password)
      throw invalid('current_password', 'Enter your current password to change your email');
    await verifiedUser(runtime, actor, {
      userId,
      password: body.current_password,
      method: 'profile_email',
      field: 'current_password',
    });
  }
  return userId;
}

/** Writes the signed-in user's own profile change (after checkOwnProfileChange). */
export async function changeOwnProfile(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  userId: string,
  body: Static<typeof profileBody>,
): Promise<void> {
  const { current_password: _password, ...changes } = body;
  const before = await findUserById(trx, userId);
  if (!before) throw notFound('User');
  await changeUser(trx, runtime, actor, before, changes);
}
