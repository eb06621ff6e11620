import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { readAuthzVersion } from '../roles/roles.repository.js';
import { userAuthz } from '../roles/user-authz.service.js';
import { openSession, type TokenPair } from '../sessions/session.service.js';
import { plusMinutes } from '../shared/secrets.service.js';
import { findUserByUsername, type UserRow, updateUser } from '../users/users.repository.js';
import { ipWindowStart, releaseIpAttempt, reserveIpAttempt } from './attempt-limits.repository.js';
import { originOf, recordAttempt } from './login-attempt.js';
import { createLoginChallenge, type LoginChallenge } from './login-challenge.service.js';
import { verifySecret } from './secret-verifier.service.js';

export type LoginResult =
  | { kind: 'tokens'; tokens: TokenPair; mustChangePassword: boolean; mfaEnrolmentRequired: boolean }
  | { kind: 'mfa'; challenge: LoginChallenge };

/** One message for every failed sign-in: it never tells whether the username exists. */
const loginFailed = () =>
  new AppError(
    'UNAUTHENTICATED',
    'Sign-in failed: wrong username or password, or the account is locked or disabled',
  );

type Attempt = { username: string; method: string; now: string };

/**
 * Password sign-in. The per-IP throttle and the account lockout each count the attempt
 * before the password is evaluated (see attempt-limits.repository.ts); unknown usernames
 * are checked against a dummy hash, so timing and answer are the same whether the
 * username exists, the password is wrong or the account is locked or disabled.
 */
export async function login(
  runtime: IdentityDeps,
  actor: Actor,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const attempt = {
    username: input.username,
    method: 'password',
    now: runtime.ctx.clock.now().toISOString(),
  };
  await reserveIpOrRefuse(runtime, actor, attempt);
  const user = await findUserByUsername(runtime.ctx.db, input.username);
  const refusal = await checkPassword(runtime, actor, user, input.password);
  if (refusal !== null || !user) {
    if (refusal !== 'recorded') await recordFailure(runtime, actor, attempt, user, refusal ?? 'unknown_user');
    throw loginFailed();
  }
  await releaseIpAttempt(runtime.ctx.db, originOf(actor).ip);
  return inTransaction(runtime.ctx.db, (trx) => signIn(trx, runtime, actor, user, attempt));
}

/** null: the password is right and the account may sign in; otherwise why not. */
async function checkPassword(
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow | undefined,
  password: string,
): Promise<string | null> {
  if (!user?.password_hash) {
    await runtime.hasher.verifyDummy(password);
    return user ? 'no_password' : 'unknown_user';
  }
  const verdict = await verifySecret(runtime, actor, {
    user,
    kind: 'password',
    secret: password,
    method: 'password',
  });
  if (!verdict.ok) return 'recorded';
  return user.status === 'active' ? null : `account_${user.status}`;
}

async function recordFailure(
  runtime: IdentityDeps,
  actor: Actor,
  attempt: Attempt,
  user: UserRow | undefined,
  reason: string,
): Promise<void> {
  await inTransaction(runtime.ctx.db, (trx) =>
    recordAttempt(trx, actor, { ...attempt, userId: user?.id ?? null, result: 'failure', reason }),
  );
}

/**
 * Per-IP throttling: each attempt from an address is counted first; past
 * LOGIN_IP_MAX_FAILURES in the window the answer is 429 with Retry-After (and is logged).
 */
async function reserveIpOrRefuse(runtime: IdentityDeps, actor: Actor, attempt: Attempt) {
  const { db } = runtime.ctx;
  const ip = originOf(actor).ip;
  const windowMinutes = runtime.settings.ipWindowMinutes;
  const windowStart = plusMinutes(attempt.now, -windowMinutes);
  const max = runtime.settings.ipMaxFailures;
  if (await reserveIpAttempt(db, { ip, now: attempt.now, windowStart, max })) return;
  await recordFailure(runtime, actor, attempt, undefined, 'ip_throttled');
  const started = (await ipWindowStart(db, ip)) ?? attempt.now;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((Date.parse(plusMinutes(started, windowMinutes)) - Date.parse(attempt.now)) / 1000),
  );
  throw new AppError('RATE_LIMITED', 'Too many failed sign-ins from this address; try again later', {
    details: { retryAfterSeconds },
  });
}

/** The password was right: ask for a second factor when one is due, else open a session. */
async function signIn(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  user: UserRow,
  attempt: Attempt,
): Promise<LoginResult> {
  const mustChange = user.must_change_password === 1 || isExpired(runtime, user, attempt.now);
  await updateUser(trx, user.id, { must_change_password: mustChange ? 1 : 0 });
  const version = await readAuthzVersion(trx);
  const authz = await userAuthz(runtime, { id: user.id, departmentId: user.department_id }, version, trx);
  const challenge = await createLoginChallenge(trx, runtime, user, authz.mfaRequired);
  if (challenge) {
    await recordAttempt(trx, actor, {
      ...attempt,
      userId: user.id,
      result: 'challenge',
      reason: 'mfa_required',
    });
    return { kind: 'mfa', challenge };
  }
  await updateUser(trx, user.id, { last_login_at: attempt.now, failed_attempts: 0, locked_until: null });
  await recordAttempt(trx, actor, { ...attempt, userId: user.id, result: 'success', reason: null });
  const tokens = await openSession(trx, runtime, {
    userId: user.id,
    authMethod: 'password',
    mfaVerified: false,
    origin: originOf(actor),
  });
  return { kind: 'tokens', tokens, mustChangePassword: mustChange, mfaEnrolmentRequired: authz.mfaRequired };
}

function isExpired(runtime: IdentityDeps, user: UserRow, now: string): boolean {
  const maxAge = runtime.settings.passwordMaxAgeDays;
  if (maxAge <= 0 || !user.password_changed_at) return false;
  return plusMinutes(user.password_changed_at, maxAge * 24 * 60) <= now;
}

/**
 * A sign-in refused before it reached `login` because its text was not valid Unicode: still
 * an attempt, so it is logged and counted against the client's address.
 */
export async function recordRefusedLogin(runtime: IdentityDeps, actor: Actor, body: unknown): Promise<void> {
  const given = (body as { username?: unknown } | undefined)?.username;
  const raw = typeof given === 'string' ? given : '';
  const username = raw.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  const now = runtime.ctx.clock.now().toISOString();
  const ip = originOf(actor).ip;
  await reserveIpAttempt(runtime.ctx.db, {
    ip,
    now,
    windowStart: plusMinutes(now, -runtime.settings.ipWindowMinutes),
    max: runtime.settings.ipMaxFailures,
  });
  await recordFailure(runtime, actor, { username, method: 'password', now }, undefined, 'invalid_input');
}
