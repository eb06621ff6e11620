/**
 * Who performs a use case, as the server established it: services and policies take this
 * value instead of a request, so the same service runs for an HTTP call, a job handler or a
 * CLI command, and a test builds one in a line. Every field comes from the server's side
 * (the authenticated principal, the client IP resolved through the trusted proxies, the
 * request id), never from what a client claims in a body.
 *
 * It is structurally an audit actor too: `audit.record(trx, {actor, ...})` accepts it as is.
 */
export interface Actor {
  /** A signed-in user, an integration's API key, the platform itself, or nobody yet (public routes). */
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  /** User id (user), API key id (api_key), job or command name (system), null (anonymous). */
  id: string | null;
  /** The user behind the actor: the user, the key's owner; null for system and anonymous. */
  userId: string | null;
  /** Username, `api-key:<name>`, `system:<job>`, 'anonymous'. */
  name: string;
  /** What the actor may do; policies read it, routes already checked the route's own permission. */
  permissions: ReadonlySet<string>;
  /** 'password', 'password+totp', 'api_key', ...; null for system and anonymous. */
  authMethod: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

const none: ReadonlySet<string> = new Set();

/**
 * The actor for work the platform does on its own behalf (a job, a schedule, a CLI
 * command). `permissions` lists what that work may do; by default nothing, so a policy
 * that checks permissions denies system work unless it was granted explicitly.
 */
export function systemActor(name: string, permissions: Iterable<string> = []): Actor {
  return {
    type: 'system',
    id: name,
    userId: null,
    name: `system:${name}`,
    permissions: new Set(permissions),
    authMethod: null,
    sessionId: null,
    ip: null,
    userAgent: null,
    requestId: null,
  };
}

/** The actor of a public route before anyone signed in. */
export function anonymousActor(context: Pick<Actor, 'ip' | 'userAgent' | 'requestId'>): Actor {
  return {
    type: 'anonymous',
    id: null,
    userId: null,
    name: 'anonymous',
    permissions: none,
    authMethod: null,
    sessionId: null,
    ...context,
  };
}

/** Permission check for policies; a missing permission is a plain `false` (deny by default). */
export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}
