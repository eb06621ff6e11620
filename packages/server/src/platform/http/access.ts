import type { FastifyInstance, FastifyRequest, FastifySchema, preParsingAsyncHookHandler } from 'fastify';
import { type Actor, anonymousActor } from '../actor.js';
import { AppError } from '../errors.js';
import { installCallbackAccess } from './callback-access.js';

/**
 * Every route declares who may call it, in `config.access`; a route without a declaration
 * cannot even be registered (deny by default). `public` routes say so explicitly.
 * The identity module installs the authenticator; until then every non-public route
 * answers 401.
 */
export type AccessRule =
  | { public: true; reason: string }
  | { authenticated: true }
  | { permission: string }
  /** An HMAC-signed call from another system, allowed to do this operation (callback-access.ts). */
  | { callback: string };

/** Who is calling: a user (by token) or an integration (by API key). Filled by identity. */
export interface Principal {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  userId: string | null;
  username: string;
  permissions: ReadonlySet<string>;
  sessionId: string | null;
  authMethod: string;
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** Accept an Idempotency-Key header (writes clients may retry). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    setAuthenticator(authenticator: Authenticator): void;
    /** Every route registered so far with its access rule (the route-inventory test reads it). */
    routeInventory: {
      method: string;
      url: string;
      access: AccessRule;
      schema: FastifySchema | undefined;
      isIdempotent: boolean;
    }[];
  }
}

/** Routes that third-party platform plugins register themselves, declared public here. */
const platformRoutes = [
  {
    reason: 'CORS preflight',
    matches: (method: string | string[], url: string) => url === '*' && [method].flat().includes('OPTIONS'),
  },
  {
    reason: 'API documentation (Swagger UI)',
    matches: (_m: string | string[], url: string) => url.startsWith('/api/docs/swagger'),
  },
];

/**
 * `publicBodyLimit`: routes that need no sign-in read at most this many bytes of body
 * (unless they declare their own limit), so an anonymous caller cannot make the server
 * read and parse a large body.
 */
export function installAccessControl(app: FastifyInstance, options: { publicBodyLimit: number }): void {
  let authenticate: Authenticator = async () => null;
  app.decorate('setAuthenticator', (next: Authenticator) => {
    authenticate = next;
  });
  app.decorateRequest('principal', null);
  // preParsing: who may call is decided before the body is even read, so an anonymous or
  // unauthorized caller costs no parsing and learns nothing from validation errors
  // (401/403 come first).
  const callbackHooks = installCallbackAccess(app);
  const authorizeFor =
    (rule: { authenticated: true } | { permission: string }): preParsingAsyncHookHandler =>
    async (request, _reply, payload) => {
      request.principal = await authenticate(request);
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Please sign in');
      if ('permission' in rule && !request.principal.permissions.has(rule.permission)) {
        throw new AppError('FORBIDDEN', 'You do not have permission to do this', {
          details: { permission: rule.permission },
        });
      }
      return payload;
    };
  const inventory: FastifyInstance['routeInventory'] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const platformRule = platformRoutes.find((r) => r.matches(route.method, route.url));
    if (!route.config?.access && platformRule) {
      route.config = { ...route.config, access: { public: true, reason: platformRule.reason } };
    }
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} has no access declaration (config.access)`);
    }
    const rule = route.config.access;
    if ('public' in rule && route.bodyLimit === undefined) route.bodyLimit = options.publicBodyLimit;
    // Only protected routes get the check, ahead of their own preParsing hooks; a public
    // route pays nothing for it.
    if ('callback' in rule) {
      const hooks = callbackHooks(rule.callback);
      route.preParsing = [hooks.preParsing, ...[route.preParsing ?? []].flat()];
      route.preValidation = [hooks.preValidation, ...[route.preValidation ?? []].flat()];
    } else if (!('public' in rule))
      route.preParsing = [authorizeFor(rule), ...[route.preParsing ?? []].flat()];
    inventory.push({
      method: [route.method].flat().join(','),
      url: route.url,
      access: route.config.access,
      schema: route.schema,
      isIdempotent: route.config.idempotent === true,
    });
  });
}

/** The authenticated caller of a protected route (routes with a non-public access rule). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Please sign in');
  return request.principal;
}

/**
 * The request's caller as an `Actor` for services: the principal (or anonymous on public
 * routes), with the IP resolved through the trusted proxies, the user agent (truncated) and
 * the request id. Routes call this once and hand the value on; services never see a request.
 */
export function actorOf(request: FastifyRequest): Actor {
  const agent = request.headers['user-agent'];
  const context = {
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null,
    requestId: String(request.id),
  };
  const principal = request.principal;
  if (!principal) return anonymousActor(context);
  return {
    type: principal.kind,
    id: principal.kind === 'user' ? (principal.userId ?? principal.id) : principal.id,
    userId: principal.userId,
    name: principal.username,
    permissions: principal.permissions,
    authMethod: principal.authMethod,
    sessionId: principal.sessionId,
    ...context,
  };
}
