import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { invalid, notFound } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { consumeEmailCode } from '../mfa/email-code.service.js';
import { useRecoveryCode, verifyTotp } from '../mfa/totp.service.js';
import { isKeyedPinHash, type PinVerdict } from '../passwords/pin-hasher.js';
import { emitIdentityEvent } from '../shared/identity-events.js';
import { plusMinutes } from '../shared/secrets.service.js';
import { findUserById, type UserRow } from '../users/users.repository.js';
import {
  releaseAccountAttempt,
  reserveAccountAttempt,
  settleAccountFailure,
} from './attempt-limits.repository.js';
import { recordAttempt } from './login-attempt.js';

/**
 * THE secret verifier: every place that checks a user's password, TOTP code, emailed code
 * or recovery code (sign-in, MFA challenge, step-up, password change, MFA binding and
 * recovery codes, profile changes) goes through `verifySecret`. The attempt is counted
 * toward the account lockout before the secret is evaluated (atomically, see
 * attempt-limits.repository.ts) and given back when it was right; a wrong secret, or any
 * attempt on a locked account, is written to the login log and the audit trail in its own
 * transaction, so it stays recorded when the caller's action fails. A PIN (21 CFR Part 11
 * signing) is one more `SecretKind`, checked by the keyed PIN hasher (passwords/pin-hasher.ts).
 *
 * Must be called outside a transaction: the reservation has to be visible to concurrent
 * requests at once, and the failure record must survive the caller's rollback.
 */
export type SecretKind = 'password' | 'totp' | 'email' | 'recovery' | 'pin';

export interface SecretCheck {
  user: UserRow;
  kind: SecretKind;
  secret: string;
  /** The login log's method: `password`, `password+totp`, `step_up:password`, `password_change`, ... */
  method: string;
  /** Emailed codes are bound to one purpose and subject (a login challenge or a session). */
  emailCode?: { purpose: string; subject: string };
  /** A PIN's hash, kept by the module that owns the PIN (electronic records). */
  storedHash?: string | null;
}

/** `rehash`: a PIN verified against an old-format hash or key; the owner stores this instead. */
export type SecretVerdict =
  | { ok: true; rehash?: string }
  | { ok: false; reason: 'locked_out' | `wrong_${SecretKind}` };

export async function verifySecret(
  runtime: IdentityDeps,
  actor: Actor,
  check: SecretCheck,
): Promise<SecretVerdict> {
  const { db, clock } = runtime.ctx;
  const { lockoutThreshold: threshold, lockoutMinutes } = runtime.settings;
  const now = clock.now().toISOString();
  const reservation = { userId: check.user.id, now, threshold };
  // Codes checked against the database (TOTP, recovery, emailed): reservation, check and
  // give-back in one transaction, which holds the account row (SQLite's write lock, the
  // PostgreSQL row lock) throughout, so a concurrent attempt still sees this one counted;
  // one commit instead of three. Hashes (password, PIN) are checked outside any transaction.
  const evaluated = isCodeKind(check.kind)
    ? await inTransaction(db, async (trx): Promise<PinVerdict | 'locked'> => {
        if (!(await reserveAccountAttempt(trx, reservation))) return 'locked';
        const ok = await checkCode(trx, runtime, check);
        if (ok) await releaseAccountAttempt(trx, check.user.id);
        return { ok };
      })
    : (await reserveAccountAttempt(db, reservation))
      ? await evaluate(runtime, check)
      : 'locked';
  if (evaluated === 'locked') {
    // Same work as a real check, so the answer's timing does not reveal the lockout.
    await spendDummy(runtime, check);
    await recordFailure(runtime, actor, check, 'locked_out', now);
    return { ok: false, reason: 'locked_out' };
  }
  if (evaluated.ok) {
    if (!isCodeKind(check.kind)) await releaseAccountAttempt(db, check.user.id);
    return evaluated.rehash ? { ok: true, rehash: evaluated.rehash } : { ok: true };
  }
  const lockedUntil = plusMinutes(now, lockoutMinutes);
  await inTransaction(db, async (trx) => {
    // The lock and its event commit together: a receiver hears of every lockout, once.
    if (await settleAccountFailure(trx, { userId: check.user.id, threshold, lockedUntil }))
      await emitIdentityEvent(trx, runtime, 'user.locked_out', check.user, { locked_until: lockedUntil });
  });
  const reason = `wrong_${check.kind}` as const;
  await recordFailure(runtime, actor, check, reason, now);
  return { ok: false, reason };
}

async function spendDummy(runtime: IdentityDeps, check: SecretCheck): Promise<void> {
  if (check.kind === 'password') await runtime.hasher.verifyDummy(check.secret);
  if (check.kind !== 'pin') return;
  if (check.storedHash && !isKeyedPinHash(check.storedHash)) await runtime.hasher.verifyDummy(check.secret);
  else runtime.pinHasher.verifyDummy(check.secret);
}

const isCodeKind = (kind: SecretKind) => kind === 'totp' || kind === 'recovery' || kind === 'email';

/** A password or PIN against its hash (outside any transaction: argon2id runs off-thread). */
async function evaluate(runtime: IdentityDeps, check: SecretCheck): Promise<PinVerdict> {
  const { user, secret } = check;
  if (check.kind === 'password')
    return { ok: user.password_hash ? await runtime.hasher.verify(user.password_hash, secret) : false };
  return check.storedHash ? runtime.pinHasher.verify(check.storedHash, secret) : { ok: false };
}

/** A TOTP, recovery or emailed code, used up in `trx` when right. */
async function checkCode(trx: Trx, runtime: IdentityDeps, check: SecretCheck): Promise<boolean> {
  const { user, secret } = check;
  const now = runtime.ctx.clock.now().toISOString();
  if (check.kind === 'totp') return verifyTotp(trx, runtime, user.id, secret.trim());
  if (check.kind === 'recovery') return useRecoveryCode(trx, user.id, secret, now);
  if (!check.emailCode) return false;
  return consumeEmailCode(trx, runtime, { userId: user.id, ...check.emailCode, code: secret });
}

async function recordFailure(
  runtime: IdentityDeps,
  actor: Actor,
  check: SecretCheck,
  reason: string,
  now: string,
): Promise<void> {
  await inTransaction(runtime.ctx.db, (trx) =>
    recordAttempt(trx, actor, {
      userId: check.user.id,
      username: check.user.username,
      method: check.method,
      result: 'failure',
      reason,
      now,
    }),
  );
}

/**
 * The signed-in user, after their current password was verified (for password change, MFA
 * binding, recovery codes and email change); a wrong password is a 400 on `field`.
 */
export async function verifiedUser(
  runtime: IdentityDeps,
  actor: Actor,
  input: { userId: string; password: string; method: string; field: string },
): Promise<UserRow> {
  const user = await findUserById(runtime.ctx.db, input.userId);
  if (!user) throw notFound('User');
  const verdict = await verifySecret(runtime, actor, {
    user,
    kind: 'password',
    secret: input.password,
    method: input.method,
  });
  if (!verdict.ok)
    throw invalid(
      input.field,
      verdict.reason === 'locked_out'
        ? 'Too many wrong attempts: the account is locked for a while'
        : 'The password is not correct',
    );
  return user;
}
