import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  onSendHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
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
 * are route hooks, attached only where they can act: reading the cookie on /auth/refresh,
 * moving the token on routes whose response schema has a `refresh_token` (the response
 * serializer drops any field the schema does not name, so no other route can emit one),
 * clearing the cookie on /auth/refresh and the logouts. Every other route runs none of
 * them, so Fastify skips its preValidation and preSerialization stages there altogether.
 * Callback hooks (none waits): no promise per request.
 */
export function installRefreshCookie(api: FastifyInstance, runtime: IdentityDeps): void {
  const maxAge = runtime.settings.refreshTokenDays * 24 * 60 * 60;
  const readTokenFromCookie: preValidationHookHandler = (request, _reply, done) => {
    if (!wantsCookie(request)) return done();
    const token = readCookie(request.headers.cookie, refreshCookieName);
    if (!token) return done(new AppError('UNAUTHENTICATED', 'No session cookie; please sign in'));
    request.body = { refresh_token: token };
    done();
  };
  const moveTokenToCookie = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: { data?: TokenHolder },
    done: (err: null, payload: unknown) => void,
  ) => {
    if (wantsCookie(request) && reply.statusCode < 300 && payload?.data) {
      const holder = payload.data.tokens ?? payload.data;
      if (typeof holder.refresh_token === 'string' && holder.refresh_token !== '') {
        setCookie(reply, holder.refresh_token, maxAge);
        holder.refresh_token = '';
      }
    }
    done(null, payload);
  };
  const clearCookie: onSendHookHandler = (request, reply, payload, done) => {
    if (wantsCookie(request)) {
      const url = request.routeOptions.url ?? '';
      const failedRefresh = url === refreshUrl && reply.statusCode === 401;
      if (logoutUrls.has(url) || failedRefresh) setCookie(reply, '', 0);
    }
    done(null, payload);
  };
  api.addHook('onRoute', (route) => {
    if (route.url === refreshUrl) addRouteHook(route, 'preValidation', readTokenFromCookie);
    if (canCarryRefreshToken(route.schema)) addRouteHook(route, 'preSerialization', moveTokenToCookie);
    if (route.url === refreshUrl || logoutUrls.has(route.url)) addRouteHook(route, 'onSend', clearCookie);
  });
}

/** Whether a route's response schema names a `refresh_token` field at any depth. */
export function canCarryRefreshToken(schema: FastifySchema | undefined): boolean {
  return JSON.stringify(schema?.response ?? {}).includes('"refresh_token"');
}

function addRouteHook(
  route: RouteOptions,
  name: 'preValidation' | 'preSerialization' | 'onSend',
  hook: unknown,
) {
  const options = route as unknown as Record<string, unknown>;
  const existing = options[name];
  options[name] = existing === undefined ? [hook] : [...[existing].flat(), hook];
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
