import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { issueEmailCode } from '../mfa/email-code.service.js';
import type { SecondFactorMethod } from '../mfa/second-factor.js';
import { hasTotp } from '../mfa/totp.service.js';
import { activePasskeysOf } from '../passkeys/passkeys.repository.js';
import { openSession, type TokenPair } from '../sessions/session.service.js';
import {
  claimOneTimeCode,
  codeByHash,
  countCodeAttempt,
  insertOneTimeCode,
} from '../shared/one-time-codes.repository.js';
import { newSecret, plusMinutes, sha256Hex } from '../shared/secrets.service.js';
import { findUserById, type UserRow, updateUser } from '../users/users.repository.js';
import { originOf, recordAttempt } from './login-attempt.js';
import { verifySecret } from './secret-verifier.service.js';

/** What a sign-in challenge may be completed with: a code method, or a passkey (POST /auth/mfa/passkey). */
export type LoginFactor = SecondFactorMethod | 'passkey';

/** The second step of a sign-in that needs MFA: a single-use, 5-minute challenge token. */
export interface LoginChallenge {
  challenge_token: string;
  methods: LoginFactor[];
  expires_at: string;
}

const challengeMinutes = 5;
const maxAttempts = 5;

/**
 * A challenge when the user has an authenticator bound, or when a role requires MFA and
 * the user can receive an email code; else null. (A role requiring MFA from a user with no
 * factor at all means enrolment: the session is restricted until one is bound.)
 */
export async function createLoginChallenge(
  trx: Trx,
  runtime: IdentityDeps,
  user: UserRow,
  roleRequiresMfa: boolean,
): Promise<LoginChallenge | null> {
  const totp = await hasTotp(trx, user.id);
  if (!totp && !(roleRequiresMfa && user.email)) return null;
  const now = runtime.ctx.clock.now().toISOString();
  const token = newSecret('sxc_');
  const expiresAt = plusMinutes(now, challengeMinutes);
  await insertOneTimeCode(trx, {
    userId: user.id,
    purpose: 'login_challenge',
    codeHash: sha256Hex(token),
    subject: null,
    now,
    expiresAt,
  });
  const methods: LoginFactor[] = totp ? ['totp', 'recovery'] : [];
  if (user.email) methods.push('email');
  // A passkey is offered as a second factor, never the reason for a challenge: clients that
  // cannot run WebAuthn still have the factor that made the challenge.
  if ((await activePasskeysOf(trx, user.id)).length > 0) methods.push('passkey');
  return { challenge_token: token, methods, expires_at: expiresAt };
}

const badChallenge = () =>
  new AppError('UNAUTHENTICATED', 'The sign-in challenge is not valid; sign in again');

async function openChallenge(trx: Trx, runtime: IdentityDeps, token: string) {
  const now = runtime.ctx.clock.now().toISOString();
  const row = await codeByHash(trx, sha256Hex(token), 'login_challenge');
  if (!row || row.used_at || row.expires_at <= now || row.attempts >= maxAttempts) return null;
  const user = await findUserById(trx, row.user_id);
  if (user?.status !== 'active' || (user.locked_until && user.locked_until > now)) return null;
  return { row, user, now };
}

/** Mails a code for a pending sign-in challenge. */
export async function sendChallengeEmail(
  runtime: IdentityDeps,
  token: string,
): Promise<{ expires_at: string }> {
  return inTransaction(runtime.ctx.db, async (trx) => {
    const open = await openChallenge(trx, runtime, token);
    if (!open?.user.email) throw badChallenge();
    return issueEmailCode(trx, runtime, {
      userId: open.user.id,
      email: open.user.email,
      purpose: 'login_mfa',
      subject: open.row.id,
    });
  });
}

/** Completes a sign-in with a second factor; five wrong codes end the challenge. */
export async function completeChallenge(
  runtime: IdentityDeps,
  actor: Actor,
  input: { challenge_token: string; method: SecondFactorMethod; code: string },
): Promise<TokenPair> {
  const { db } = runtime.ctx;
  const open = await inTransaction(db, (trx) => openChallenge(trx, runtime, input.challenge_token));
  if (!open) throw badCode();
  const method = `password+${input.method}`;
  const verdict = await verifySecret(runtime, actor, {
    user: open.user,
    kind: input.method,
    secret: input.code,
    method,
    emailCode: { purpose: 'login_mfa', subject: open.row.id },
  });
  if (!verdict.ok) {
    await inTransaction(db, (trx) => countCodeAttempt(trx, open.row));
    throw badCode();
  }
  return finishChallenge(runtime, actor, open, method);
}

/** The user of a pending sign-in challenge (for a factor checked elsewhere, e.g. a passkey); null when it is not valid. */
export async function pendingChallengeUser(runtime: IdentityDeps, token: string) {
  return inTransaction(runtime.ctx.db, (trx) => openChallenge(trx, runtime, token));
}

/** Counts a failed second factor against the challenge (five end it). */
export async function countChallengeFailure(runtime: IdentityDeps, open: OpenChallenge): Promise<void> {
  await inTransaction(runtime.ctx.db, (trx) => countCodeAttempt(trx, open.row));
}

type OpenChallenge = NonNullable<Awaited<ReturnType<typeof openChallenge>>>;

/** Uses up the challenge whose second factor (`method`) was proven, and opens the session. */
export async function finishChallenge(
  runtime: IdentityDeps,
  actor: Actor,
  open: OpenChallenge,
  method: string,
): Promise<TokenPair> {
  const result = await inTransaction(runtime.ctx.db, async (trx) => {
    const now = runtime.ctx.clock.now().toISOString();
    // Only the one submission that marks the challenge used opens a session.
    if (!(await claimOneTimeCode(trx, open.row.id, now))) return null;
    const { user } = open;
    await updateUser(trx, user.id, { last_login_at: now, failed_attempts: 0, locked_until: null });
    await recordAttempt(trx, actor, {
      userId: user.id,
      username: user.username,
      method,
      now,
      result: 'success',
      reason: null,
    });
    return openSession(trx, runtime, {
      userId: user.id,
      authMethod: method,
      mfaVerified: true,
      origin: originOf(actor),
    });
  });
  if (!result) throw badCode();
  return result;
}

const badCode = () => new AppError('UNAUTHENTICATED', 'The verification code is not valid');
