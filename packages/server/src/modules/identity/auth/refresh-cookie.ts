import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';

/**
 * The browser transport of the refresh token. A client that sends `X-Refresh-Transport:
 * cookie` gets the refresh token in an `HttpOnly; Secure; SameSite=Strict` cookie scoped to
 * /api/v1/auth/refresh (so script, and every other request, never sees it), and an empty
 * `refresh_token` in the body; /auth/refresh then reads the cookie. API clients that do not
 * send the header keep the body transport unchanged. The custom header also forces a CORS
 * preflight, so another site cannot make a browser refresh on its behalf.
 */
const refreshTransportHeader = 'x-refresh-transport';
const refreshCookieName = 'signx_refresh';
const refreshCookiePath = '/api/v1/auth/refresh';

const refreshUrl = refreshCookiePath;
const logoutUrls = new Set(['/api/v1/auth/logout', '/api/v1/auth/logout/all']);

type TokenHolder = { refresh_token?: unknown; tokens?: { refresh_token?: unknown } };

/**
 * Installs the cookie transport's hooks; call before the /auth routes are registered. They
 * are callback hooks (none waits), so the requests that never ask for the cookie, nearly
 * all of them, pay one header lookup each and no promise.
 */
export function installRefreshCookie(api: FastifyInstance, runtime: IdentityDeps): void {
  const maxAge = runtime.settings.refreshTokenDays * 24 * 60 * 60;
  api.addHook('preValidation', (request, _reply, done) => {
    if (!wantsCookie(request) || request.routeOptions.url !== refreshUrl) return done();
    const token = readCookie(request.headers.cookie, refreshCookieName);
    if (!token) return done(new AppError('UNAUTHENTICATED', 'No session cookie; please sign in'));
    request.body = { refresh_token: token };
    done();
  });
  api.addHook('preSerialization', (request, reply, payload: { data?: TokenHolder }, done) => {
    if (wantsCookie(request) && reply.statusCode < 300 && payload?.data)
      moveTokenToCookie(payload.data, reply);
    done(null, payload);
  });
  api.addHook('onSend', (request, reply, payload, done) => {
    if (wantsCookie(request)) {
      const url = request.routeOptions.url ?? '';
      const failedRefresh = url === refreshUrl && reply.statusCode === 401;
      if (logoutUrls.has(url) || failedRefresh) setCookie(reply, '', 0);
    }
    done(null, payload);
  });
  const moveTokenToCookie = (data: TokenHolder, reply: FastifyReply) => {
    const holder = data.tokens ?? data;
    if (typeof holder.refresh_token !== 'string' || holder.refresh_token === '') return;
    setCookie(reply, holder.refresh_token, maxAge);
    holder.refresh_token = '';
  };
}

function wantsCookie(request: FastifyRequest): boolean {
  return request.headers[refreshTransportHeader] === 'cookie';
}

function setCookie(reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  const attributes = `Path=${refreshCookiePath}; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
  reply.header('set-cookie', `${refreshCookieName}=${value}; ${attributes}`);
}

/** One cookie's value from a Cookie header; refresh tokens are URL-safe, so no decoding. */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || undefined;
  }
  return undefined;
}
