import type { Trx } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { invalidatePassword } from '../passwords/password.service.js';
import { sendPasswordLink } from '../passwords/password-reset.service.js';
import { revokeUserSessions } from '../sessions/session.repository.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { type UserRow, updateUser } from './users.repository.js';
import { publicFields } from './users.service.js';

export type StatusChange = 'disable' | 'enable' | 'lock' | 'unlock';

const targets = {
  disable: { status: 'disabled', action: 'user.disabled' },
  enable: { status: 'active', action: 'user.enabled' },
  lock: { status: 'locked', action: 'user.updated' },
  unlock: { status: 'active', action: 'user.updated' },
} as const;

/**
 * Disabling ("deleting") keeps the account and its history; disabling or locking ends
 * every session at once. Unlocking also clears a lockout from failed sign-ins.
 */
export async function changeStatus(
  trx: Trx,
  runtime: IdentityRuntime,
  actor: Actor,
  input: { user: UserRow; change: StatusChange; actorUserId: string | null; reason?: string | undefined },
): Promise<UserRow> {
  const { user, change } = input;
  if (input.actorUserId === user.id && (change === 'disable' || change === 'lock'))
    throw conflict('You cannot disable or lock your own account');
  const target = targets[change];
  const now = runtime.ctx.clock.now().toISOString();
  const changes: Partial<UserRow> = {
    status: target.status,
    updated_at: now,
    disabled_at: change === 'disable' ? now : change === 'enable' ? null : user.disabled_at,
    ...(change === 'unlock' ? { locked_until: null, failed_attempts: 0 } : {}),
  };
  await updateUser(trx, user.id, changes);
  if (change === 'disable' || change === 'lock')
    await revokeUserSessions(trx, user.id, now, `user_${change}d`);
  const after = { ...user, ...changes };
  await recordIdentity(trx, actor, {
    action: identityEvents[target.action],
    entityType: 'user',
    entityId: user.id,
    before: publicFields(user),
    after: publicFields(after),
    reason: input.reason ?? null,
    details: { change },
  });
  return after;
}

/**
 * Administrator reset: the current password stops working, sessions end, and the user
 * receives a single-use link to choose a new password. The administrator never sees one.
 */
export async function adminResetPassword(trx: Trx, runtime: IdentityRuntime, actor: Actor, user: UserRow) {
  if (user.status === 'disabled') throw conflict('The account is disabled');
  if (!user.email) throw invalid('email', 'The user has no email address to send the reset link to');
  await invalidatePassword(trx, runtime, user.id);
  const sent = await sendPasswordLink(trx, runtime, actor, { ...user, password_hash: null }, 'admin_reset');
  if (!sent) throw invalid('email', 'The reset link could not be issued');
  return { delivery: 'email' as const, expires_at: sent.expires_at };
}
