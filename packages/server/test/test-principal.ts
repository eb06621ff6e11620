import type { Actor } from '../src/platform/actor.js';
import type { Principal } from '../src/platform/http/access.js';
import type { ModuleDefinition } from '../src/platform/module.js';

/**
 * A stand-in for identity in module tests: the caller is whoever the `x-test-user` header
 * names, holding the permissions `x-test-permissions` lists. No header, no principal
 * (401). Real authentication is tested in identity's own suites.
 */
export const headerAuthModule: ModuleDefinition = {
  name: 'test-header-auth',
  install: async (app) => {
    app.setAuthenticator(async (request) => {
      const user = request.headers['x-test-user'];
      if (typeof user !== 'string') return null;
      const permissions = request.headers['x-test-permissions'];
      const principal: Principal = {
        kind: 'user',
        id: user,
        userId: user,
        username: `user-${user.slice(-4)}`,
        permissions: new Set(typeof permissions === 'string' && permissions ? permissions.split(',') : []),
        sessionId: null,
        authMethod: 'password',
      };
      return principal;
    });
  },
};

/** Headers that make a request come from `userId` with `permissions` (see headerAuthModule). */
export function asUser(userId: string, permissions: readonly string[]): Record<string, string> {
  return { 'x-test-user': userId, 'x-test-permissions': permissions.join(',') };
}

/** An Actor for service tests, as `actorOf` would build it for that user. */
export function userActor(userId: string, permissions: readonly string[]): Actor {
  return {
    type: 'user',
    id: userId,
    userId,
    name: `user-${userId.slice(-4)}`,
    permissions: new Set(permissions),
    authMethod: 'password',
    sessionId: null,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    requestId: 'req-test',
  };
}
