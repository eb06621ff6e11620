import type { Principal } from '../../../platform/http/access.js';
import { authenticateApiKey } from '../api-keys/api-key-auth.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityErrors, identityRefusal } from '../identity.errors.js';
import { userAuthz } from '../roles/user-authz.service.js';
import { plusMinutes } from '../shared/secrets.service.js';
import { verifyAccessToken } from './access-token.service.js';
import { attachDetails } from './principal-details.js';
import { readSessionStatus, type SessionStatus, touchSession } from './session.repository.js';

/**
 * Routes a restricted session may still call: one whose user must change the password, or
 * whose role requires MFA while the session proved none (first sign-in enrolment).
 */
const restrictedSessionRoutes = new Set([
  '/api/v1/auth/password/change',
  '/api/v1/auth/logout',
  '/api/v1/me',
  '/api/v1/auth/mfa/bind',
  '/api/v1/auth/mfa/bind/confirm',
]);

/** last_seen_at is written at most this often (a write per request would cost more than the read). */
const touchEveryMs = 60_000;

/** What a request presents: its `X-API-Key` and `Authorization` headers and the route it calls. */
export interface Credentials {
  apiKey: string | undefined;
  authorization: string | undefined;
  /** The route's URL pattern, e.g. '/api/v1/me' (a restricted session may call a few). */
  routeUrl: string;
}

/**
 * The platform authenticator: `Authorization: Bearer <access JWT>` or `X-API-Key`. A bearer
 * token is valid only while its session row is active (not revoked, not expired, not idle)
 * and its user is active: one primary-key read per request, with roles and permissions
 * resolved from the per-process authorization cache. identity.module.ts installs it.
 */
export function createAuthenticator(runtime: IdentityDeps) {
  return async (credentials: Credentials): Promise<Principal | null> => {
    const apiKey = credentials.apiKey;
    if (typeof apiKey === 'string') return authenticateApiKey(runtime, apiKey);
    const header = credentials.authorization;
    if (!header?.startsWith('Bearer ')) return null;
    const claims = await verifyAccessToken(runtime, header.slice(7));
    if (!claims) return null;
    const session = await readSessionStatus(runtime.ctx.db, claims.sessionId);
    if (!session || session.user_id !== claims.userId) return null;
    const now = runtime.ctx.clock.now();
    if (!(await isUsable(runtime, claims.sessionId, session, now))) return null;
    const isOpenRoute = restrictedSessionRoutes.has(credentials.routeUrl);
    if (session.must_change_password === 1 && !isOpenRoute)
      throw identityRefusal(
        identityErrors.PASSWORD_CHANGE_REQUIRED,
        'You must change your password before continuing',
      );
    const authz = await userAuthz(
      runtime,
      { id: session.user_id, departmentId: session.department_id },
      session.authz_version,
    );
    if (authz.mfaRequired && session.mfa_verified_at === null && !isOpenRoute)
      throw identityRefusal(
        identityErrors.MFA_ENROLMENT_REQUIRED,
        'Your role requires a second factor: bind an authenticator app (POST /auth/mfa/bind) before continuing',
      );
    const principal: Principal = {
      kind: 'user',
      id: session.user_id,
      userId: session.user_id,
      username: session.username,
      permissions: authz.permissions,
      sessionId: claims.sessionId,
      authMethod: session.auth_method,
    };
    return attachDetails(principal, {
      scope: authz.scope,
      departmentId: session.department_id,
      roleCodes: authz.roleCodes,
      mfaRequired: authz.mfaRequired,
      authzVersion: session.authz_version,
    });
  };
}

async function isUsable(runtime: IdentityDeps, sessionId: string, s: SessionStatus, now: Date) {
  const iso = now.toISOString();
  if (s.revoked_at !== null || s.status !== 'active' || s.expires_at <= iso) return false;
  if (plusMinutes(s.last_seen_at, runtime.settings.sessionIdleMinutes) <= iso) return false;
  const touchAfter = Math.min(touchEveryMs, (runtime.settings.sessionIdleMinutes * 60_000) / 4);
  if (now.getTime() - Date.parse(s.last_seen_at) > touchAfter)
    await touchSession(runtime.ctx.db, sessionId, iso).catch((error: unknown) => {
      // Best effort: a busy database must not fail the request; the next one retries.
      runtime.ctx.logger.warn({ err: error }, 'session activity not recorded');
    });
  return true;
}
