import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { requireStepUpProof } from '../mfa/step-up-proof.service.js';
import { removeTotp } from '../mfa/totp.service.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { emitIdentityEvent } from '../shared/identity-events.js';
import { adminResetPassword, changeStatus } from './user-status.service.js';
import type { UserStatusEvent } from './user-status.state.js';
import type { UserRow } from './users.repository.js';
import { userInScope } from './users.service.js';

/** The user `id`, in the caller's scope and within the identity policy's reach (else 404/403). */
async function administeredUser(db: DbOrTrx, runtime: IdentityDeps, principal: Principal, id: string) {
  const user = await userInScope(db, dataScopeOf(principal), id);
  await assertMayAdministerUser(db, runtime, principal, user);
  return user;
}

/** Disables, enables, locks or unlocks another user (never oneself: see changeStatus). */
export async function changeUserStatus(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: { id: string; change: UserStatusEvent; reason: string | undefined },
): Promise<UserRow> {
  const user = await administeredUser(trx, runtime, principal, input.id);
  return changeStatus(trx, runtime, actor, {
    user,
    change: input.change,
    actorUserId: principal.userId,
    reason: input.reason,
  });
}

/** An administrator resets a password: a link is mailed, the administrator sees no password. */
export async function resetUserPassword(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: { id: string; stepUpProof: string | undefined },
) {
  const user = await administeredUser(trx, runtime, principal, input.id);
  await requireStepUpProof(trx, runtime.ctx, principal, input.stepUpProof);
  return adminResetPassword(trx, runtime, actor, user);
}

/** An administrator removes a lost authenticator; the user is told by mail. */
export async function removeUserMfa(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: { id: string; stepUpProof: string | undefined },
): Promise<UserRow> {
  const user = await administeredUser(trx, runtime, principal, input.id);
  await requireStepUpProof(trx, runtime.ctx, principal, input.stepUpProof);
  if (await removeTotp(trx, user.id)) {
    await recordIdentity(trx, actor, {
      action: identityEvents['mfa.unbound'],
      entityType: 'user',
      entityId: user.id,
      details: { by_administrator: true },
    });
    await emitIdentityEvent(trx, runtime, 'mfa.unbound', user, { by_administrator: true });
    await notifyAccountChange(trx, runtime, user, {
      change: 'mfa_removed',
      byAdministrator: principal.username,
    });
  }
  return user;
}
