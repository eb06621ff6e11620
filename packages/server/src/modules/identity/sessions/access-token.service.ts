import { jwtVerify, SignJWT } from 'jose';
import { newId } from '../../../platform/db/ids.js';
import type { IdentityDeps } from '../identity.deps.js';

/**
 * Access tokens: HS256 JWTs (key from the keyring, never in the database) naming the user
 * and the session. They are short-lived AND checked against the session row on every
 * request, so logout and kick take effect at once in every process.
 */
export interface AccessClaims {
  userId: string;
  sessionId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const issuer = 'signx';
const audience = 'signx-api';
const cacheLimit = 20_000;

export async function signAccessToken(
  runtime: IdentityDeps,
  claims: { userId: string; sessionId: string },
): Promise<{ token: string; expiresIn: number }> {
  const now = Math.floor(runtime.ctx.clock.now().getTime() / 1000);
  const expiresIn = runtime.settings.accessTokenMinutes * 60;
  const token = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(newId())
    .sign(runtime.jwtKey);
  return { token, expiresIn };
}

/**
 * Verifies signature, issuer, audience and expiry. A token's signature check is cached per
 * process (the token string is the key, so a forged token never hits the cache); expiry is
 * re-checked against the clock on every call.
 */
export async function verifyAccessToken(runtime: IdentityDeps, token: string): Promise<AccessClaims | null> {
  const cache = runtime.caches.accessTokens;
  const nowSeconds = runtime.ctx.clock.now().getTime() / 1000;
  const cached = cache.get(token);
  if (cached) return cached.exp > nowSeconds ? cached : null;
  try {
    const { payload } = await jwtVerify(token, runtime.jwtKey, {
      algorithms: ['HS256'],
      issuer,
      audience,
      typ: 'at+jwt',
      currentDate: runtime.ctx.clock.now(),
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number')
      return null;
    const claims = { userId: payload.sub, sessionId: payload.sid, exp: payload.exp };
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(token, claims);
    return claims;
  } catch {
    return null;
  }
}
