import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
} from '../../../../test/identity-fixtures.js';

/** OWASP ASVS 5.0 L2: every seeded role requires MFA by default; each role can be configured. */
describe('MFA by default for system roles, configurable per role', () => {
  let t: IdentityTestApp;
  const db = () => t.app.signx.db;
  beforeAll(async () => {
    t = await createIdentityTestApp({ MFA_REQUIRED_DEFAULT: 'true' });
    await createAdmin(t.app);
  });
  afterAll(() => t.close());

  it('seeds every system role with mfa_required', async () => {
    await createUserWith(t.app, { username: 'probe', roles: ['auditor'] });
    const roles = await db()
      .selectFrom('roles')
      .select(['code', 'mfa_required'])
      .where('is_system', '=', 1)
      .execute();
    expect(roles).toHaveLength(5);
    expect(roles.every((r) => r.mfa_required === 1)).toBe(true);
  });

  it('a holder with an email address gets a sign-in challenge instead of tokens', async () => {
    await createUserWith(t.app, { username: 'ops', roles: ['operations_specialist'] });
    const response = await login(t.app, 'ops');
    expect(response.json().data).toMatchObject({ status: 'mfa_required', methods: ['email'] });
    expect(response.json().data.tokens).toBeUndefined();
  });

  it('a holder without any factor signs in to a session restricted to enrolment', async () => {
    const user = await createUserWith(t.app, { username: 'nofactor', roles: ['developer'] });
    await db().updateTable('users').set({ email: null }).where('id', '=', user.id).execute();
    const response = await login(t.app, 'nofactor');
    expect(response.json().data).toMatchObject({ status: 'authenticated', mfa_enrolment_required: true });
    const token = response.json().data.tokens.access_token;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(token) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().details.reason).toBe('mfa_enrolment_required');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.json().data.mfa).toEqual({ totp_bound: false, required: true });
  });

  it('per role: a custom role without MFA signs in with a password; switching it on restricts existing sessions', async () => {
    const now = t.clock.now().toISOString();
    await db()
      .insertInto('roles')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        code: 'viewer',
        name: 'Viewer',
        description: '',
        parent_id: null,
        data_scope: 'own',
        mfa_required: 0,
        grant_rule: 'none',
        is_system: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .insertInto('role_permissions')
      .values({
        role_id: '01900000-0000-7000-8000-000000000001',
        permission_code: 'identity.department.read',
      })
      .execute();
    await createUserWith(t.app, { username: 'viewer1', roles: ['viewer'] });
    const signIn = await login(t.app, 'viewer1');
    expect(signIn.json().data).toMatchObject({ status: 'authenticated', mfa_enrolment_required: false });
    const token = signIn.json().data.tokens.access_token;
    const departments = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer(token) });
    expect((await departments()).statusCode).toBe(200);
    await db().updateTable('roles').set({ mfa_required: 1 }).where('code', '=', 'viewer').execute();
    await db()
      .updateTable('identity_state')
      .set((eb) => ({ authz_version: eb('authz_version', '+', 1) }))
      .execute();
    const after = await departments();
    expect(after.statusCode).toBe(403);
    expect(after.json().details.reason).toBe('mfa_enrolment_required');
  });
});
