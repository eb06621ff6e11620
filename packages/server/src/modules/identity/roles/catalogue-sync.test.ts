import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { testConfig } from '../../../../test/test-app.js';
import { buildApp } from '../../../app.js';
import { declaredPermissions } from './permission-catalogue.js';
import { systemRoles } from './system-roles.js';

/**
 * The permission catalogue and the seed roles are written when the app starts (onReady),
 * never by a read: a code declared in code but missing from the database comes back at the
 * next start, not on the next GET.
 */
describe('permission catalogue sync at start-up', () => {
  let t: IdentityTestApp;
  const db = () => t.app.signx.db;
  const permissionCodes = async () =>
    (await db().selectFrom('permissions').select('code').execute()).map((r) => r.code).sort();
  beforeAll(async () => {
    t = await createIdentityTestApp();
  });
  afterAll(() => t.close());

  it('writes every declared permission and the seed roles before any request', async () => {
    expect(await permissionCodes()).toEqual(expect.arrayContaining(declaredPermissions().map((p) => p.code)));
    const roles = (await db().selectFrom('roles').select(['code', 'is_system']).execute()).map((r) => r.code);
    expect(roles).toEqual(expect.arrayContaining(systemRoles.map((r) => r.code)));
  });

  it('a permission missing from the database is restored by the next start, not by a read', async () => {
    await createAdmin(t.app);
    const root = await tokenFor(t.app, 'root');
    const victim = 'jobs.schedule.manage';
    await db().deleteFrom('role_permissions').where('permission_code', '=', victim).execute();
    await db().deleteFrom('permissions').where('code', '=', victim).execute();
    const listed = await t.app.inject({ url: '/api/v1/permissions', headers: bearer(root) });
    expect(listed.statusCode).toBe(200);
    // The read answered without writing the missing row back.
    expect(await permissionCodes()).not.toContain(victim);

    // A second start on the same database (as after a deployment) writes it back.
    const again = await buildApp(testConfig(t.dataDir, { PASSWORD_HASH_COST: 'test' }), {
      database: t.database,
    });
    try {
      await again.ready();
      expect(await permissionCodes()).toContain(victim);
    } finally {
      await again.close();
    }
  });
});
