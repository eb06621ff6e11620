import type { Trx } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { revokeKeysOwnedBy } from '../api-keys/api-keys.repository.js';
import type { IdentityDeps } from '../identity.deps.js';
import { invalidatePassword } from '../passwords/password.service.js';
import { sendPasswordLink } from '../passwords/password-reset.service.js';
import { revokeUserSessions } from '../sessions/session.repository.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { emitIdentityEvent } from '../shared/identity-events.js';
import { type UserStatusEvent, userStatusTransition } from './user-status.state.js';
import { type UserRow, updateUser } from './users.repository.js';
import { publicFields } from './users.service.js';

/**
 * Applies one event of the user status machine (user-status.state.ts). Disabling
 * ("deleting") keeps the account and its history; disabling or locking ends every session,
 * disabling also revokes the user's API keys. Unlocking clears a lockout from failed
 * sign-ins. Nobody disables or locks their own account.
 */
export async function changeStatus(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { user: UserRow; change: UserStatusEvent; actorUserId: string | null; reason?: string | undefined },
): Promise<UserRow> {
  const { user, change } = input;
  if (input.actorUserId === user.id && (change === 'disable' || change === 'lock'))
    throw conflict('You cannot disable or lock your own account');
  const transition = userStatusTransition(user.status, change);
  if (!transition)
    throw conflict(`A ${user.status} account cannot be given "${change}"`, { status: user.status });
  const now = runtime.ctx.clock.now().toISOString();
  const changes: Partial<UserRow> = {
    status: transition.to,
    updated_at: now,
    disabled_at:
      transition.to === 'disabled' ? now : transition.from === 'disabled' ? null : user.disabled_at,
    ...(change === 'unlock' ? { locked_until: null, failed_attempts: 0 } : {}),
  };
  await updateUser(trx, user.id, changes);
  if (transition.endsSessions) await revokeUserSessions(trx, user.id, now, `user_${change}d`);
  if (transition.revokesApiKeys) await revokeApiKeys(trx, actor, user.id, now, `user_${change}d`);
  const after = { ...user, ...changes };
  await recordIdentity(trx, actor, {
    action: transition.auditAction,
    entityType: 'user',
    entityId: user.id,
    before: publicFields(user),
    after: publicFields(after),
    reason: input.reason ?? null,
    details: { change, from: transition.from, to: transition.to },
  });
  if (transition.to === 'disabled') await emitIdentityEvent(trx, runtime, 'user.disabled', after);
  return after;
}

/** Revokes the user's API keys, one audit event each (the keys act for the user). */
async function revokeApiKeys(trx: Trx, actor: Actor, userId: string, now: string, reason: string) {
  for (const key of await revokeKeysOwnedBy(trx, userId, now))
    await recordIdentity(trx, actor, {
      action: identityEvents['api_key.revoked'],
      entityType: 'api_key',
      entityId: key.id,
      details: { name: key.name, owner_user_id: userId, reason },
    });
}

/**
 * Administrator reset: the current password stops working, sessions end, the user's API
 * keys are revoked (a reset answers a suspected compromise), and the user receives a
 * single-use link to choose a new password. The administrator never sees one.
 */
export async function adminResetPassword(trx: Trx, runtime: IdentityDeps, actor: Actor, user: UserRow) {
  if (user.status === 'disabled') throw conflict('The account is disabled');
  if (!user.email) throw invalid('email', 'The user has no email address to send the reset link to');
  await invalidatePassword(trx, runtime, user.id);
  await revokeApiKeys(trx, actor, user.id, runtime.ctx.clock.now().toISOString(), 'password_reset');
  const sent = await sendPasswordLink(trx, runtime, actor, { ...user, password_hash: null }, 'admin_reset');
  if (!sent) throw invalid('email', 'The reset link could not be issued');
  return { delivery: 'email' as const, expires_at: sent.expires_at };
}
