import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { verifiedUser, verifySecret } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { markMfaVerified } from '../sessions/session.service.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { emitIdentityEvent } from '../shared/identity-events.js';
import { findUserById, type UserRow } from '../users/users.repository.js';
import { issueEmailCode } from './email-code.service.js';
import { confirmTotpBinding, removeTotp, replaceRecoveryCodes } from './totp.service.js';

/**
 * The signed-in user's own second factors: enrolment confirmation, removal, new recovery
 * codes and the step-up code by mail. Each change records its audit event and queues its
 * account notice in the caller's transaction.
 */

/** The caller's password, then (when given) a current TOTP code, through the secret verifier. */
export async function provenUser(
  runtime: IdentityDeps,
  actor: Actor,
  input: { userId: string; password: string; code?: string; method: string },
): Promise<UserRow> {
  const user = await verifiedUser(runtime, actor, { ...input, field: 'password' });
  if (input.code === undefined) return user;
  const verdict = await verifySecret(runtime, actor, {
    user,
    kind: 'totp',
    secret: input.code,
    method: input.method,
  });
  if (!verdict.ok) throw invalid('code', 'The code is not valid');
  return user;
}

/** Step 2 of binding: the code proves the new factor; returns the fresh recovery codes. */
export async function confirmOwnTotp(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { userId: string; sessionId: string; code: string },
): Promise<string[]> {
  const recovery = await confirmTotpBinding(trx, runtime, input.userId, input.code);
  // The code just proved the new factor: a session restricted to enrolment becomes a full one.
  await markMfaVerified(trx, runtime, input.sessionId);
  await recordIdentity(trx, actor, {
    action: identityEvents['mfa.bound'],
    entityType: 'user',
    entityId: input.userId,
  });
  const user = await findUserById(trx, input.userId);
  if (user) await emitIdentityEvent(trx, runtime, 'mfa.bound', user);
  if (user) await notifyAccountChange(trx, runtime, user, { change: 'mfa_bound' });
  return recovery;
}

/** Removes the caller's authenticator (already proven with password and code). */
export async function removeOwnTotp(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow,
): Promise<void> {
  await removeTotp(trx, user.id);
  await notifyAccountChange(trx, runtime, user, { change: 'mfa_removed' });
  await recordIdentity(trx, actor, {
    action: identityEvents['mfa.unbound'],
    entityType: 'user',
    entityId: user.id,
  });
  await emitIdentityEvent(trx, runtime, 'mfa.unbound', user);
}

/** Replaces the caller's recovery codes (already proven with password and code). */
export async function regenerateOwnRecoveryCodes(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow,
): Promise<string[]> {
  const fresh = await replaceRecoveryCodes(trx, user.id, runtime.ctx.clock.now().toISOString());
  await notifyAccountChange(trx, runtime, user, { change: 'recovery_codes_regenerated' });
  await recordIdentity(trx, actor, {
    action: identityEvents['mfa.recovery_codes_regenerated'],
    entityType: 'user',
    entityId: user.id,
  });
  return fresh;
}

/** Mails a step-up code for the caller's session to the caller's address. */
export async function sendStepUpEmail(
  trx: Trx,
  runtime: IdentityDeps,
  input: { userId: string; sessionId: string },
): Promise<{ expires_at: string }> {
  const user = await findUserById(trx, input.userId);
  if (!user?.email) throw invalid('email', 'Your account has no email address');
  return issueEmailCode(trx, runtime, {
    userId: input.userId,
    email: user.email,
    purpose: 'step_up',
    subject: input.sessionId,
  });
}
