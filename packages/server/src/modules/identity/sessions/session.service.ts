import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { newSecret, plusMinutes, sha256Hex } from '../shared/secrets.service.js';
import { findUserById } from '../users/users.repository.js';
import { signAccessToken } from './access-token.service.js';
import {
  activeSessions,
  claimRefreshToken,
  findRefreshToken,
  findSession,
  insertRefreshToken,
  insertSession,
  markSessionMfaVerified,
  revokeSessions,
  revokeUserSessions,
  touchSession,
} from './session.repository.js';

/** What a successful sign-in or refresh returns to the client. */
export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  session_id: string;
}

export interface SessionOrigin {
  ip: string;
  userAgent: string;
}

/**
 * Opens a session (one refresh-token family). Beyond SESSION_MAX_PER_USER the oldest
 * sessions end, in the same transaction.
 */
export async function openSession(
  trx: Trx,
  runtime: IdentityDeps,
  input: { userId: string; authMethod: string; mfaVerified: boolean; origin: SessionOrigin },
): Promise<TokenPair> {
  const now = runtime.ctx.clock.now().toISOString();
  const active = await activeSessions(trx, input.userId, now);
  const excess = active.length - runtime.settings.sessionMaxPerUser + 1;
  if (excess > 0)
    await revokeSessions(
      trx,
      active.slice(0, excess).map((s) => s.id),
      now,
      'session_limit',
    );
  const sessionId = newId();
  await insertSession(trx, {
    id: sessionId,
    user_id: input.userId,
    auth_method: input.authMethod,
    ip: input.origin.ip,
    user_agent: input.origin.userAgent.slice(0, 500),
    created_at: now,
    last_seen_at: now,
    expires_at: plusMinutes(now, runtime.settings.refreshTokenDays * 24 * 60),
    mfa_verified_at: input.mfaVerified ? now : null,
    signed_at: null,
    revoked_at: null,
    revoke_reason: null,
  });
  return issueTokens(trx, runtime, input.userId, sessionId, now);
}

async function issueTokens(
  trx: Trx,
  runtime: IdentityDeps,
  userId: string,
  sessionId: string,
  now: string,
): Promise<TokenPair> {
  const refresh = newSecret('sxr_');
  await insertRefreshToken(trx, {
    id: newId(),
    session_id: sessionId,
    token_hash: sha256Hex(refresh),
    created_at: now,
    expires_at: plusMinutes(now, runtime.settings.refreshTokenDays * 24 * 60),
  });
  const access = await signAccessToken(runtime, { userId, sessionId });
  return {
    access_token: access.token,
    refresh_token: refresh,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    session_id: sessionId,
  };
}

const invalidRefresh = () =>
  new AppError('UNAUTHENTICATED', 'The refresh token is not valid; please sign in');

/**
 * Rotates a refresh token. Presenting a token that was already used means it was copied:
 * the whole family (the session) is revoked and an audit event records the reuse.
 */
export async function rotateRefreshToken(
  runtime: IdentityDeps,
  refreshToken: string,
  actor: Actor,
): Promise<TokenPair> {
  const outcome = await inTransaction(runtime.ctx.db, (trx) => rotateIn(trx, runtime, refreshToken, actor));
  if (!outcome) throw invalidRefresh();
  return outcome;
}

async function rotateIn(trx: Trx, runtime: IdentityDeps, refreshToken: string, actor: Actor) {
  const now = runtime.ctx.clock.now().toISOString();
  const row = await findRefreshToken(trx, sha256Hex(refreshToken));
  const session = row ? await findSession(trx, row.session_id) : undefined;
  if (!row || !session) return null;
  const claimed = await claimRefreshToken(trx, row.id, now);
  if (row.used_at || !claimed) {
    await revokeReusedFamily(trx, actor, session, now);
    return null;
  }
  if (!(await isAlive(trx, runtime, session, row.expires_at, now))) return null;
  await touchSession(trx, session.id, now);
  return issueTokens(trx, runtime, session.user_id, session.id, now);
}

async function revokeReusedFamily(
  trx: Trx,
  actor: Actor,
  session: { id: string; user_id: string },
  now: string,
) {
  if (!(await revokeSessions(trx, [session.id], now, 'refresh_token_reuse'))) return;
  await recordIdentity(trx, actor, {
    action: identityEvents['token.reuse_detected'],
    entityType: 'session',
    entityId: session.id,
    result: 'failure',
    details: { user_id: session.user_id },
  });
}

/** Not revoked, not expired, not idle (an idle session is ended here), user still active. */
async function isAlive(
  trx: Trx,
  runtime: IdentityDeps,
  session: {
    id: string;
    user_id: string;
    revoked_at: string | null;
    expires_at: string;
    last_seen_at: string;
  },
  tokenExpiresAt: string,
  now: string,
): Promise<boolean> {
  if (session.revoked_at || tokenExpiresAt <= now || session.expires_at <= now) return false;
  if (plusMinutes(session.last_seen_at, runtime.settings.sessionIdleMinutes) <= now) {
    await revokeSessions(trx, [session.id], now, 'idle_timeout');
    return false;
  }
  const user = await findUserById(trx, session.user_id);
  return user?.status === 'active';
}

/** The caller signs out: its session ends (a key or a session-less caller only records it). */
export async function endOwnSession(trx: Trx, runtime: IdentityDeps, actor: Actor, sessionId: string | null) {
  const now = runtime.ctx.clock.now().toISOString();
  if (sessionId) await revokeSessions(trx, [sessionId], now, 'logout');
  await recordIdentity(trx, actor, {
    action: identityEvents.logout,
    entityType: 'session',
    entityId: sessionId,
  });
}

/** The user signs out everywhere: every session ends. */
export async function endAllSessions(trx: Trx, runtime: IdentityDeps, actor: Actor, userId: string) {
  const ended = await revokeUserSessions(trx, userId, runtime.ctx.clock.now().toISOString(), 'logout_all');
  await recordIdentity(trx, actor, {
    action: identityEvents.logout,
    entityType: 'user',
    entityId: userId,
    details: { everywhere: true, sessions: ended },
  });
}

/** A second factor was proved in this session: one restricted to enrolment becomes a full one. */
export async function markMfaVerified(trx: Trx, runtime: IdentityDeps, sessionId: string) {
  await markSessionMfaVerified(trx, sessionId, runtime.ctx.clock.now().toISOString());
}
