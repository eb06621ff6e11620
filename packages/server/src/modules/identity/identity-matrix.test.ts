import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { declaredPermissions } from './roles/permission-catalogue.js';

/**
 * The permission matrix: every protected route of the whole application (every module)
 * answers 401 to an anonymous caller, and every permission-guarded route answers 403 to a
 * signed-in user and to an API key that lack its permission. Nothing may be left over.
 */
describe('permission matrix over the route inventory', () => {
  let t: IdentityTestApp;
  let nobody: string;
  let narrowKey: string;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await createUserWith(t.app, { username: 'nobody' });
    await createUserWith(t.app, { username: 'dev', roles: ['developer'] });
    nobody = await tokenFor(t.app, 'nobody');
    const dev = await tokenFor(t.app, 'dev');
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(dev),
      payload: { name: 'narrow', permissions: ['jobs.queue.read'] },
    });
    narrowKey = key.json().data.key;
  });
  afterAll(() => t.close());

  const protectedRoutes = () =>
    t.app.routeInventory
      .filter((r) => !('public' in r.access))
      .map((r) => ({ ...r, method: r.method.split(',')[0] as string }))
      .filter((r) => r.method !== 'HEAD');

  const request = (
    route: { method: string; url: string },
    headers: Record<string, string>,
  ): InjectOptions => {
    const hasBody = !['GET', 'DELETE'].includes(route.method);
    return {
      method: route.method as InjectOptions['method'],
      url: route.url.replace(/:[A-Za-z_]+/g, randomUUID()).replace('*', 'x'),
      headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(hasBody ? { payload: '{}' } : {}),
    };
  };

  it('covers every identity endpoint family', () => {
    const urls = protectedRoutes().map((r) => r.url);
    for (const prefix of [
      '/api/v1/users',
      '/api/v1/departments',
      '/api/v1/roles',
      '/api/v1/permissions',
      '/api/v1/sessions',
      '/api/v1/api-keys',
      '/api/v1/login-log',
      '/api/v1/me',
    ])
      expect(
        urls.some((u) => u.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it('every permission a route checks is in the catalogue (so a role can be granted it)', () => {
    const known = new Set(declaredPermissions().map((p) => p.code));
    const used = protectedRoutes().flatMap((r) => ('permission' in r.access ? [r.access.permission] : []));
    expect(used.filter((p) => !known.has(p))).toEqual([]);
  });

  it('anonymous callers get 401 on every protected route', async () => {
    const failures: string[] = [];
    for (const route of protectedRoutes()) {
      const response = await t.app.inject(request(route, {}));
      if (response.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a signed-in user without the permission gets 403 on every permission route', async () => {
    const failures: string[] = [];
    const routes = protectedRoutes().filter((r) => 'permission' in r.access);
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const response = await t.app.inject(request(route, bearer(nobody)));
      if (response.statusCode !== 403) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('an API key gets 403 on every permission route it was not scoped to', async () => {
    const failures: string[] = [];
    const routes = protectedRoutes().filter(
      (r) => 'permission' in r.access && r.access.permission !== 'jobs.queue.read',
    );
    for (const route of routes) {
      const response = await t.app.inject(request(route, { 'x-api-key': narrowKey }));
      if (response.statusCode !== 403) failures.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
