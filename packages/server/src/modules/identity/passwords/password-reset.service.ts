import type { Trx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';
import { revokeUserSessions } from '../sessions/session.repository.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { sendIdentityMail } from '../shared/identity-mail.js';
import {
  claimOneTimeCode,
  codeByHash,
  recentOpenCode,
  replaceOneTimeCode,
} from '../shared/one-time-codes.repository.js';
import { passwordLink } from '../shared/password-link.js';
import { newSecret, plusMinutes, sha256Hex } from '../shared/secrets.service.js';
import { findUserById, findUserByUsername, type UserRow } from '../users/users.repository.js';
import { resetTokenInvalid, storePassword } from './password.service.js';

const linkMinutes = 60;

/**
 * Mails a single-use password link (256-bit token, stored as SHA-256, one hour). Used for
 * self-service "forgot password", for an administrator's reset and for new accounts: an
 * administrator never chooses or sees a user's password. Self-service requests send at most
 * one mail a minute per account, so the public endpoint cannot flood an inbox.
 */
export async function sendPasswordLink(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow,
  reason: 'forgot' | 'admin_reset' | 'welcome',
): Promise<{ expires_at: string } | null> {
  if (!user.email || user.status === 'disabled') return null;
  const now = runtime.ctx.clock.now().toISOString();
  if (reason === 'forgot') {
    const recent = await recentLink(trx, user.id, now);
    if (recent) return recent;
  }
  const token = newSecret('sxp_');
  const expiresAt = plusMinutes(now, linkMinutes);
  await replaceOneTimeCode(trx, {
    userId: user.id,
    purpose: 'password_reset',
    codeHash: sha256Hex(token),
    subject: reason,
    now,
    expiresAt,
  });
  const link = passwordLink(runtime.ctx.config.http.publicUrl, token);
  await sendIdentityMail(trx, runtime, user.email, {
    template: 'identity.password-link',
    params: { reason, username: user.username, minutes: linkMinutes, link },
  });
  await recordIdentity(trx, actor, {
    action: identityEvents['password.reset_requested'],
    entityType: 'user',
    entityId: user.id,
    details: { reason, expires_at: expiresAt },
  });
  return { expires_at: expiresAt };
}

/** A self-service link sent in the last minute (answered instead of mailing again). */
async function recentLink(trx: Trx, userId: string, now: string) {
  return recentOpenCode(trx, userId, 'password_reset', plusMinutes(now, -1));
}

/** Sets a password from a reset link; the link works once and every session of the user ends. */
export async function resetWithToken(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { token: string; password: string },
): Promise<void> {
  const now = runtime.ctx.clock.now().toISOString();
  const row = await codeByHash(trx, sha256Hex(input.token), 'password_reset');
  if (!row || row.used_at || row.expires_at <= now) throw resetTokenInvalid();
  const user = await findUserById(trx, row.user_id);
  if (!user || user.status === 'disabled') throw resetTokenInvalid();
  await storePassword(trx, runtime, user, input.password, { mustChange: false, field: 'new_password' });
  if (!(await claimOneTimeCode(trx, row.id, now))) throw resetTokenInvalid();
  await revokeUserSessions(trx, user.id, now, 'password_reset');
  await recordIdentity(trx, actor, {
    action: identityEvents['password.reset'],
    entityType: 'user',
    entityId: user.id,
    details: { via: row.subject },
  });
  if (row.subject !== 'welcome')
    await notifyAccountChange(trx, runtime, user, { change: 'password_changed' });
}

/** Forgotten password: a link goes to the account's address; an unknown name changes nothing. */
export async function requestPasswordReset(trx: Trx, runtime: IdentityDeps, actor: Actor, username: string) {
  const user = await findUserByUsername(trx, username);
  if (user) await sendPasswordLink(trx, runtime, actor, user, 'forgot');
}
