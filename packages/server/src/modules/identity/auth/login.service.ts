import type { FastifyRequest } from 'fastify';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { failuresFromIp } from '../login-log/login-log.repository.js';
import { readAuthzVersion, userAuthz } from '../roles/user-authz.js';
import { openSession, type TokenPair } from '../sessions/session.service.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { plusMinutes } from '../shared/secrets.js';
import { findUserByUsername, type UserRow, updateUser } from '../users/users.repository.js';
import { countFailure } from './lockout.js';
import { originOf, recordAttempt } from './login-attempt.js';
import { createLoginChallenge, type LoginChallenge } from './login-challenge.service.js';

export type LoginResult =
  | { kind: 'tokens'; tokens: TokenPair; mustChangePassword: boolean }
  | { kind: 'mfa'; challenge: LoginChallenge };

/** One message for every failed sign-in: it never tells whether the username exists. */
export const loginFailed = () =>
  new AppError(
    'UNAUTHENTICATED',
    'Sign-in failed: wrong username or password, or the account is locked or disabled',
  );

type Verdict = { ok: true; user: UserRow } | { ok: false; reason: string; user: UserRow | undefined };

/**
 * Password sign-in. The password is verified (or a dummy hash, for unknown users) before
 * any account state is looked at, so timing and response are the same whether the
 * username exists, the password is wrong or the account is locked.
 */
export async function login(
  runtime: IdentityRuntime,
  request: FastifyRequest,
  input: { username: string; password: string },
): Promise<LoginResult> {
  await refuseThrottledIp(runtime, request, input.username);
  const verdict = await checkPassword(runtime, input);
  const outcome = await inTransaction(runtime.ctx.db, async (trx): Promise<LoginResult | null> => {
    const attempt = {
      username: input.username,
      method: 'password',
      now: runtime.ctx.clock.now().toISOString(),
    };
    if (verdict.ok) return signIn(trx, runtime, request, verdict.user, attempt);
    if (verdict.user && verdict.reason === 'wrong_password')
      await countFailure(runtime, trx, verdict.user, attempt.now);
    const userId = verdict.user?.id ?? null;
    await recordAttempt(trx, request, { ...attempt, userId, result: 'failure', reason: verdict.reason });
    return null;
  });
  if (!outcome) throw loginFailed();
  return outcome;
}

/** Per-IP throttling: too many failures from one address answer 429 (and are logged). */
async function refuseThrottledIp(runtime: IdentityRuntime, request: FastifyRequest, username: string) {
  const { db, clock } = runtime.ctx;
  const now = clock.now().toISOString();
  const since = plusMinutes(now, -runtime.settings.ipWindowMinutes);
  if ((await failuresFromIp(db, originOf(request).ip, since)) < runtime.settings.ipMaxFailures) return;
  await inTransaction(db, (trx) =>
    recordAttempt(trx, request, {
      userId: null,
      username,
      method: 'password',
      result: 'failure',
      reason: 'ip_throttled',
      now,
    }),
  );
  throw new AppError('RATE_LIMITED', 'Too many failed sign-ins from this address; try again later');
}

/** The password was right: ask for a second factor when one is due, else open a session. */
async function signIn(
  trx: Trx,
  runtime: IdentityRuntime,
  request: FastifyRequest,
  user: UserRow,
  attempt: { username: string; method: string; now: string },
): Promise<LoginResult> {
  const mustChange = user.must_change_password === 1 || isExpired(runtime, user, attempt.now);
  await updateUser(trx, user.id, { must_change_password: mustChange ? 1 : 0 });
  const version = await readAuthzVersion(trx);
  const authz = await userAuthz(runtime, { id: user.id, departmentId: user.department_id }, version, trx);
  const challenge = await createLoginChallenge(trx, runtime, user, authz.mfaRequired);
  if (challenge) {
    await recordAttempt(trx, request, {
      ...attempt,
      userId: user.id,
      result: 'challenge',
      reason: 'mfa_required',
    });
    return { kind: 'mfa', challenge };
  }
  await updateUser(trx, user.id, { last_login_at: attempt.now, failed_attempts: 0, locked_until: null });
  await recordAttempt(trx, request, { ...attempt, userId: user.id, result: 'success', reason: null });
  const origin = originOf(request);
  const tokens = await openSession(trx, runtime, {
    userId: user.id,
    authMethod: 'password',
    mfaVerified: false,
    origin,
  });
  return { kind: 'tokens', tokens, mustChangePassword: mustChange };
}

async function checkPassword(
  runtime: IdentityRuntime,
  input: { username: string; password: string },
): Promise<Verdict> {
  const user = await findUserByUsername(runtime.ctx.db, input.username);
  if (!user?.password_hash) {
    await runtime.hasher.verifyDummy(input.password);
    return { ok: false, reason: user ? 'no_password' : 'unknown_user', user };
  }
  const matches = await runtime.hasher.verify(user.password_hash, input.password);
  const now = runtime.ctx.clock.now().toISOString();
  if (user.locked_until && user.locked_until > now) return { ok: false, reason: 'locked_out', user };
  if (user.status !== 'active') return { ok: false, reason: `account_${user.status}`, user };
  if (!matches) return { ok: false, reason: 'wrong_password', user };
  return { ok: true, user };
}

function isExpired(runtime: IdentityRuntime, user: UserRow, now: string): boolean {
  const maxAge = runtime.settings.passwordMaxAgeDays;
  if (maxAge <= 0 || !user.password_changed_at) return false;
  return plusMinutes(user.password_changed_at, maxAge * 24 * 60) <= now;
}
