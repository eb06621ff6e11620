import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';
import { AppError, invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { revokeOtherSessions, revokeUserSessions } from '../sessions/session.repository.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import {
  insertPasswordHistory,
  recentPasswordHashes,
  type UserRow,
  updateUser,
} from '../users/users.repository.js';
import { assertPasswordAllowed, type PasswordPolicy } from './password-policy.js';

/** The configured password rules (PASSWORD_PROFILE, PASSWORD_MIN_LENGTH). */
export function passwordPolicyOf(runtime: IdentityDeps): PasswordPolicy {
  return { profile: runtime.settings.passwordProfile, minLength: runtime.settings.passwordMinLength };
}

/**
 * Stores a new password after the policy and history checks: argon2id hash, history row,
 * lockout cleared. `mustChange` is set for generated passwords (first administrator).
 */
export async function storePassword(
  trx: Trx,
  runtime: IdentityDeps,
  user: UserRow,
  password: string,
  options: { mustChange: boolean; field?: string },
): Promise<void> {
  assertPasswordAllowed(
    password,
    passwordPolicyOf(runtime),
    { username: user.username, fullName: user.full_name, email: user.email },
    options.field,
  );
  const previous = await recentPasswordHashes(trx, user.id, runtime.settings.passwordHistory);
  const candidates = user.password_hash ? [user.password_hash, ...previous] : previous;
  for (const hashed of candidates)
    if (await runtime.hasher.verify(hashed, password))
      throw invalid(options.field ?? 'new_password', 'Password was used recently; choose a different one');
  const now = runtime.ctx.clock.now().toISOString();
  const hashed = await runtime.hasher.hash(password);
  await updateUser(trx, user.id, {
    password_hash: hashed,
    password_changed_at: now,
    must_change_password: options.mustChange ? 1 : 0,
    failed_attempts: 0,
    locked_until: null,
    updated_at: now,
  });
  await insertPasswordHistory(trx, { id: newId(), user_id: user.id, password_hash: hashed, created_at: now });
}

/**
 * A signed-in user changes their own password (required after first login); the caller has
 * verified the current one (secret verifier). Every other session of the user ends.
 */
export async function changeOwnPassword(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { user: UserRow; sessionId: string | null; current: string; next: string },
): Promise<void> {
  const { user } = input;
  if (input.current === input.next)
    throw invalid('new_password', 'The new password must differ from the current one');
  await storePassword(trx, runtime, user, input.next, { mustChange: false });
  const now = runtime.ctx.clock.now().toISOString();
  const ended = await revokeOtherSessions(trx, user.id, input.sessionId, now, 'password_changed');
  await recordIdentity(trx, actor, {
    action: identityEvents['password.changed'],
    entityType: 'user',
    entityId: user.id,
    details: { other_sessions_ended: ended },
  });
  await notifyAccountChange(trx, runtime, user, { change: 'password_changed' });
}

/** Invalidates the current password and every session (admin reset; the user sets a new one by link). */
export async function invalidatePassword(trx: Trx, runtime: IdentityDeps, userId: string): Promise<void> {
  const now = runtime.ctx.clock.now().toISOString();
  await updateUser(trx, userId, { password_hash: null, must_change_password: 1, updated_at: now });
  await revokeUserSessions(trx, userId, now, 'password_reset');
}

export const resetTokenInvalid = () =>
  new AppError('VALIDATION', 'The request is not valid', {
    fieldErrors: [{ field: 'token', message: 'The reset link is not valid or has expired' }],
  });
