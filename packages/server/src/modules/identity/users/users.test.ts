import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  mailedToken,
  mailsTo,
  reauthenticatedHeaders,
  testPassword,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { passwordLink } from '../shared/password-link.js';

describe('users: administration, data scope, masking, mass assignment, administrator reset', () => {
  let t: IdentityTestApp;
  let admin: string;
  let east: string;
  let eastSub: string;
  let west: string;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: object,
  ) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const userNamed = (username: string) =>
    t.app.signx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  /** Gives a role one more permission; the new authz version makes signed-in holders see it. */
  const grantToRole = async (roleCode: string, permission: string, authzVersion: number) => {
    const db = t.app.signx.db;
    const role = await db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', roleCode)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_permissions')
      .values({ role_id: role.id, permission_code: permission })
      .execute();
    await db.updateTable('identity_state').set({ authz_version: authzVersion }).execute();
  };
  const resetPassword = (token: string, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, new_password: newPassword },
    });

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    admin = await tokenFor(t.app, 'root');
    const dept = async (name: string, parent?: string) =>
      (await call('POST', '/departments', admin, { name, ...(parent ? { parent_id: parent } : {}) })).json()
        .data.id as string;
    east = await dept('East');
    eastSub = await dept('East / Shanghai', east);
    west = await dept('West');
    await createUserWith(t.app, { username: 'manager', roles: ['operations_manager'], departmentId: east });
    await createUserWith(t.app, {
      username: 'spec',
      roles: ['operations_specialist'],
      departmentId: east,
      phone: '13812345678',
    });
    await createUserWith(t.app, { username: 'sub', departmentId: eastSub });
    await createUserWith(t.app, { username: 'westy', departmentId: west });
  });
  afterAll(() => t.close());

  it('creates a user without a password and mails a single-use set-password link', async () => {
    const created = await call('POST', '/users', admin, {
      username: 'NewBie',
      full_name: 'New Bie',
      email: 'newbie@example.test',
      department_id: west,
      roles: ['developer'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().data).toMatchObject({
      username: 'newbie',
      roles: ['developer'],
      must_change_password: true,
      password_setup: { delivery: 'email' },
    });
    expect((await login(t.app, 'newbie', 'Anything-123!')).statusCode).toBe(401);
    const token = await mailedToken(t.app, 'newbie@example.test');
    // The welcome mail links to the web app's reset page (packages/web/test/mail-links.test.ts).
    const [welcome] = await mailsTo(t.app, 'newbie@example.test');
    expect(welcome?.text).toContain(passwordLink(t.app.signx.config.http.publicUrl, token));
    const weak = await resetPassword(token, 'Password1!');
    expect(weak.statusCode).toBe(400);
    const set = await resetPassword(token, 'Fresh-Start-2026');
    expect(set.statusCode, set.body).toBe(200);
    const replay = await resetPassword(token, 'Another-Start-2027');
    expect(replay.statusCode).toBe(400);
    expect((await login(t.app, 'newbie', 'Fresh-Start-2026')).statusCode).toBe(200);
    expect(
      (await auditRows(t.app, 'identity.user.created')).some((a) => a.entity_id === created.json().data.id),
    ).toBe(true);
  });

  it('refuses NUL and bidi-override characters in names (they appear in signature manifestations)', async () => {
    const count = (await t.app.signx.db.selectFrom('users').select('id').execute()).length;
    for (const fullName of ['Mallory\u202Egnp.exe', 'Null\u0000Byte', 'Iso\u2067late', 'Tab\tName']) {
      const response = await call('POST', '/users', admin, {
        username: 'spoofer',
        full_name: fullName,
        email: 'spoofer@example.test',
      });
      expect(response.statusCode, fullName).toBe(400);
      expect(response.json().errors[0].field).toBe('full_name');
    }
    const spec = await tokenFor(t.app, 'spec');
    expect((await call('PATCH', '/me', spec, { full_name: 'Spec\u202DReversed' })).statusCode).toBe(400);
    expect((await call('POST', '/departments', admin, { name: 'Ops\u202E' })).statusCode).toBe(400);
    expect((await t.app.signx.db.selectFrom('users').select('id').execute()).length).toBe(count);
    for (const [username, fullName] of [
      ['hebrew', 'דוד כהן'],
      ['chinese', '张伟'],
    ]) {
      const ok = await call('POST', '/users', admin, {
        username,
        full_name: fullName,
        email: `${username}@example.test`,
      });
      expect(ok.statusCode, ok.body).toBe(201);
    }
  });

  it('refuses a duplicate username and changes nothing', async () => {
    const count = (await t.app.signx.db.selectFrom('users').select('id').execute()).length;
    const dup = await call('POST', '/users', admin, {
      username: 'spec',
      full_name: 'Dup',
      email: 'dup@example.test',
    });
    expect(dup.statusCode).toBe(409);
    expect((await t.app.signx.db.selectFrom('users').select('id').execute()).length).toBe(count);
  });

  it('applies data scopes: department_tree sees East and its children only; outside is 404', async () => {
    const manager = await tokenFor(t.app, 'manager');
    const list = await call('GET', '/users?page_size=100', manager);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .data.items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['manager', 'spec', 'sub']);
    const westUser = await userNamed('westy');
    expect((await call('GET', `/users/${westUser.id}`, manager)).statusCode).toBe(404);
  });

  it('department scope (specialist) cannot read a child department user; editing outside scope is 404 and changes nothing', async () => {
    const spec = await tokenFor(t.app, 'spec');
    const names = (await call('GET', '/users?page_size=100', spec))
      .json()
      .data.items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual(['manager', 'spec']);
    await grantToRole('operations_specialist', 'identity.user.update', 1000);
    const sub = await userNamed('sub');
    const edit = await call('PATCH', `/users/${sub.id}`, spec, { full_name: 'Hacked' });
    expect(edit.statusCode).toBe(404);
    const after = await t.app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(after.full_name).toBe(sub.full_name);
  });

  it('masks phone numbers without user.phone.view', async () => {
    const manager = await tokenFor(t.app, 'manager');
    const spec = (await call('GET', '/users?q=spec', manager)).json().data.items[0];
    expect(spec.phone).toBe('138****5678');
    const full = (await call('GET', '/users?q=spec', admin)).json().data.items[0];
    expect(full.phone).toBe('13812345678');
  });

  it('refuses mass assignment of roles or status through profile and admin updates', async () => {
    const spec = await tokenFor(t.app, 'spec');
    const before = await userNamed('spec');
    for (const payload of [
      { full_name: 'X', roles: ['super_admin'] },
      { status: 'active', full_name: 'X' },
      { must_change_password: 0 },
    ]) {
      const response = await call('PATCH', '/me', spec, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const adminPatch = await call('PATCH', `/users/${before.id}`, admin, { roles: ['super_admin'] });
    expect(adminPatch.statusCode).toBe(400);
    const after = await t.app.signx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const roles = await t.app.signx.db
      .selectFrom('user_roles')
      .select('role_id')
      .where('user_id', '=', before.id)
      .execute();
    expect(roles).toHaveLength(1);
    const ok = await call('PATCH', '/me', spec, { full_name: 'Spec Ialist' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.user.full_name).toBe('Spec Ialist');
  });

  it('changes the own email address only with the current password', async () => {
    const spec = await tokenFor(t.app, 'spec');
    const emailOf = async () => (await userNamed('spec')).email;
    const original = await emailOf();
    for (const payload of [
      { email: 'attacker@evil.example' },
      { email: 'attacker@evil.example', current_password: 'wrong-password-1A!' },
    ]) {
      const refused = await call('PATCH', '/me', spec, payload);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('current_password');
      expect(await emailOf()).toBe(original);
    }
    const changed = await call('PATCH', '/me', spec, {
      email: 'spec.new@example.cn',
      current_password: testPassword,
    });
    expect(changed.statusCode).toBe(200);
    expect(await emailOf()).toBe('spec.new@example.cn');
  });

  it('refuses to grant a role with permissions the granter lacks (no escalation)', async () => {
    const manager = await tokenFor(t.app, 'manager');
    await grantToRole('operations_manager', 'identity.user.update', 2000);
    const sub = await userNamed('sub');
    const grant = await call('PUT', `/users/${sub.id}/roles`, manager, { roles: ['super_admin'] });
    expect(grant.statusCode).toBe(403);
    expect(
      await t.app.signx.db.selectFrom('user_roles').select('role_id').where('user_id', '=', sub.id).execute(),
    ).toEqual([]);
  });

  it('disabling keeps the account, ends its sessions and is audited; delete = disable', async () => {
    const westy = await userNamed('westy');
    const session = await tokenFor(t.app, 'westy');
    const res = await call('DELETE', `/users/${westy.id}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.status).toBe('disabled');
    expect((await call('GET', '/me', session)).statusCode).toBe(401);
    expect(
      await t.app.signx.db
        .selectFrom('users')
        .select('status')
        .where('id', '=', westy.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'disabled' });
    expect((await auditRows(t.app, 'identity.user.disabled')).map((a) => a.entity_id)).toContain(westy.id);
    const enable = await call('POST', `/users/${westy.id}/enable`, admin, {});
    expect(enable.json().data.status).toBe('active');
  });

  it('administrator reset: old password stops working, the user sets a new one by link', async () => {
    const sub = await userNamed('sub');
    const session = await tokenFor(t.app, 'sub');
    const withoutProof = await call('POST', `/users/${sub.id}/reset-password`, admin);
    expect(withoutProof.statusCode).toBe(403);
    expect(withoutProof.json().details.reason).toBe('reauthentication_required');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${sub.id}/reset-password`,
      headers: await reauthenticatedHeaders(t.app, admin),
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().data.delivery).toBe('email');
    expect(JSON.stringify(reset.json())).not.toMatch(/sxp_/);
    expect((await call('GET', '/me', session)).statusCode).toBe(401);
    expect((await login(t.app, 'sub')).statusCode).toBe(401);
    const token = await mailedToken(t.app, 'sub@example.test');
    const reuse = await resetPassword(token, 'Correct-Horse-7-Battery');
    expect(reuse.statusCode).toBe(400);
    const ok = await resetPassword(token, 'After-Reset-Pass-9');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await login(t.app, 'sub', 'After-Reset-Pass-9')).statusCode).toBe(200);
  });
});
