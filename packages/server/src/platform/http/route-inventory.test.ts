import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { installAccessControl } from './access.js';

describe('route inventory: every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds an access rule on every registered route of the application', () => {
    const inventory = t.app.routeInventory;
    expect(inventory.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/health', '/ready', '/metrics', '/api/schema']),
    );
    for (const route of inventory) {
      expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
      if ('public' in route.access) expect(route.access.reason.length, route.url).toBeGreaterThan(3);
    }
  });

  it('lists which routes are public so a reviewer sees them all in one place', () => {
    const publicRoutes = t.app.routeInventory.filter((r) => 'public' in r.access).map((r) => r.url);
    const allowedPublic = [
      /^\/health$/,
      /^\/ready$/,
      /^\/metrics$/,
      /^\/api\/schema$/,
      /^\/api\/docs\//,
      /^\*$/,
      /^\/api\/v1\/auth\//,
      /^\/api\/v1\/public\//,
    ];
    const unexpected = publicRoutes.filter((url) => !allowedPublic.some((p) => p.test(url)));
    expect(unexpected).toEqual([]);
  });

  it('refuses to register a route without a declaration', () => {
    const app = Fastify();
    installAccessControl(app);
    expect(() => app.get('/no-rule', async () => 'x')).toThrow(/no access declaration/);
  });
});
