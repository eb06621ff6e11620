import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  login,
  mailsTo,
  stepUpProof,
  tokenFor,
} from '../../../test/identity-fixtures.js';
import { systemRoles } from './roles/system-roles.js';

/**
 * Attack paths of the outside review: a low-privilege administrator must not be able to
 * take over a stronger account, move itself, or reshape roles (identity.policy.ts).
 */
describe('permission matrix: privilege attacks on users and roles', () => {
  let t: IdentityTestApp;
  let root: string;
  let east: string;
  let west: string;
  const db = () => t.app.signx.db;
  const as = (token: string, method: InjectOptions['method'], url: string, payload?: object, extra = {}) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...bearer(token), ...extra },
      ...(payload ? { payload } : {}),
    });
  const userNamed = (username: string) =>
    db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const roleNamed = (code: string) =>
    db().selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const role = (body: object) => as(root, 'POST', '/roles', body);

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    root = await tokenFor(t.app, 'root');
    east = (await as(root, 'POST', '/departments', { name: 'East' })).json().data.id;
    west = (await as(root, 'POST', '/departments', { name: 'West' })).json().data.id;
    const userAdmin = [
      'identity.user.read',
      'identity.user.update',
      'identity.user.disable',
      'identity.user.reset_password',
      'identity.session.read',
      'identity.session.kick',
    ];
    await role({ code: 'user_admin', name: 'User admin', data_scope: 'department', permissions: userAdmin });
    await role({
      code: 'role_editor',
      name: 'Role editor',
      data_scope: 'own',
      permissions: ['identity.role.read', 'identity.role.update'],
    });
    await role({
      code: 'role_boss',
      name: 'Role boss',
      data_scope: 'department',
      // Everything the operations specialist system role holds (whatever modules seed into
      // it), so this editor outranks it and only the system-role protection can stop it.
      permissions: [
        'identity.role.read',
        'identity.role.update',
        ...(systemRoles.find((r) => r.code === 'operations_specialist')?.permissions ?? []),
      ],
    });
    await role({ code: 'reader', name: 'Reader', data_scope: 'own', permissions: ['identity.user.read'] });
    await role({
      code: 'wide_reader',
      name: 'Wide reader',
      data_scope: 'all',
      permissions: ['identity.user.read'],
    });
    await createUserWith(t.app, { username: 'ua', roles: ['user_admin'], departmentId: east });
    await createUserWith(t.app, { username: 'eastboss', roles: ['super_admin'], departmentId: east });
    await createUserWith(t.app, { username: 'worker', departmentId: east });
    await createUserWith(t.app, { username: 're', roles: ['role_editor'], departmentId: east });
    await createUserWith(t.app, { username: 'rb', roles: ['role_boss'], departmentId: east });
  });
  afterAll(() => t.close());

  it('a user administrator cannot touch a more powerful account in its department (email, MFA, passkeys, reset, status, sessions)', async () => {
    const ua = await tokenFor(t.app, 'ua');
    const bossSession = (await login(t.app, 'eastboss')).json().data.tokens.session_id;
    const boss = await userNamed('eastboss');
    const proof = { 'x-step-up-proof': await stepUpProof(t.app, ua) };
    const attempts = [
      await as(ua, 'PATCH', `/users/${boss.id}`, { email: 'attacker@evil.example' }, proof),
      await as(ua, 'DELETE', `/users/${boss.id}/mfa`, undefined, proof),
      // Revoking a passkey (the credential inventory's action) is refused on rank before anything else.
      await as(
        ua,
        'DELETE',
        `/users/${boss.id}/passkeys/00000000-0000-4000-8000-000000000001`,
        undefined,
        proof,
      ),
      await as(ua, 'POST', `/users/${boss.id}/reset-password`, undefined, proof),
      await as(ua, 'POST', `/users/${boss.id}/lock`, {}),
      await as(ua, 'POST', `/users/${boss.id}/disable`, {}),
      await as(ua, 'DELETE', `/sessions/${bossSession}`),
    ];
    expect(attempts.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(attempts[2]?.json().details.reason).toBe('target_outranks_actor');
    expect(attempts[0]?.json().details.reason).toBe('target_outranks_actor');
    expect(await userNamed('eastboss')).toEqual(boss);
    expect(await mailsTo(t.app, 'attacker@evil.example')).toEqual([]);
  });

  it("changing another user's email, password or MFA needs a step-up proof, and tells the user (old address too)", async () => {
    const ua = await tokenFor(t.app, 'ua');
    const worker = await userNamed('worker');
    const bare = await as(ua, 'PATCH', `/users/${worker.id}`, { email: 'worker.new@example.test' });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().details.reason).toBe('reauthentication_required');
    expect((await as(ua, 'POST', `/users/${worker.id}/reset-password`)).statusCode).toBe(403);
    expect((await as(ua, 'DELETE', `/users/${worker.id}/mfa`)).statusCode).toBe(403);
    expect((await userNamed('worker')).email).toBe('worker@example.test');
    const proof = { 'x-step-up-proof': await stepUpProof(t.app, ua) };
    const changed = await as(ua, 'PATCH', `/users/${worker.id}`, { email: 'worker.new@example.test' }, proof);
    expect(changed.statusCode, changed.body).toBe(200);
    const reused = await as(ua, 'PATCH', `/users/${worker.id}`, { email: 'again@example.test' }, proof);
    expect(reused.statusCode).toBe(403);
    for (const address of ['worker@example.test', 'worker.new@example.test'])
      expect((await mailsTo(t.app, address)).map((m) => m.subject)).toContain(
        'Security notice: your SignX account changed',
      );
    const reset = await as(ua, 'POST', `/users/${worker.id}/reset-password`, undefined, {
      'x-step-up-proof': await stepUpProof(t.app, ua),
    });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it('nobody moves themselves to another department or changes their own roles; new departments stay within scope', async () => {
    const ua = await tokenFor(t.app, 'ua');
    const self = await userNamed('ua');
    const worker = await userNamed('worker');
    const moveSelf = await as(ua, 'PATCH', `/users/${self.id}`, { department_id: west });
    expect(moveSelf.statusCode).toBe(403);
    expect(moveSelf.json().details.reason).toBe('self_change');
    const moveOther = await as(ua, 'PATCH', `/users/${worker.id}`, { department_id: west });
    expect(moveOther.statusCode).toBe(403);
    expect(moveOther.json().details.reason).toBe('department_outside_scope');
    expect(
      (await as(ua, 'PUT', `/users/${self.id}/roles`, { roles: ['user_admin', 'reader'] })).statusCode,
    ).toBe(403);
    const widen = await as(ua, 'PUT', `/users/${worker.id}/roles`, { roles: ['wide_reader'] });
    expect(widen.statusCode).toBe(403);
    expect((await userNamed('ua')).department_id).toBe(east);
    expect((await userNamed('worker')).department_id).toBe(east);
    expect((await as(ua, 'PUT', `/users/${worker.id}/roles`, { roles: ['reader'] })).statusCode).toBe(200);
  });

  it('role edits: never the own role, never a stronger role, never a scope wider than the own, never weakening a system role', async () => {
    const re = await tokenFor(t.app, 're');
    const rb = await tokenFor(t.app, 'rb');
    const own = await roleNamed('role_editor');
    const superAdmin = await roleNamed('super_admin');
    const reader = await roleNamed('reader');
    const specialist = await roleNamed('operations_specialist');
    const widenOwn = await as(re, 'PATCH', `/roles/${own.id}`, { data_scope: 'all' });
    expect(widenOwn.statusCode).toBe(403);
    expect(widenOwn.json().details.reason).toBe('own_role');
    const narrowTop = await as(re, 'PATCH', `/roles/${superAdmin.id}`, { data_scope: 'own' });
    expect(narrowTop.statusCode).toBe(403);
    expect((await as(re, 'PUT', `/roles/${superAdmin.id}/permissions`, { permissions: [] })).statusCode).toBe(
      403,
    );
    const tooWide = await as(rb, 'PATCH', `/roles/${reader.id}`, { data_scope: 'all' });
    expect(tooWide.statusCode).toBe(403);
    expect(tooWide.json().details.reason).toBe('scope_beyond_actor');
    expect((await as(rb, 'PATCH', `/roles/${reader.id}`, { data_scope: 'department' })).statusCode).toBe(200);
    await db().updateTable('roles').set({ mfa_required: 1 }).where('id', '=', specialist.id).execute();
    await db()
      .updateTable('identity_state')
      .set((eb) => ({ authz_version: eb('authz_version', '+', 1) }))
      .execute();
    const weaken = await as(rb, 'PATCH', `/roles/${specialist.id}`, { mfa_required: false });
    expect(weaken.statusCode).toBe(403);
    expect(weaken.json().details.reason).toBe('system_role_protection');
    expect((await roleNamed('role_editor')).data_scope).toBe('own');
    expect((await roleNamed('super_admin')).data_scope).toBe('all');
    expect((await roleNamed('operations_specialist')).mfa_required).toBe(1);
  });

  it('403s are audited for every method, reads included', async () => {
    await createUserWith(t.app, { username: 'snoop' });
    const snoop = await tokenFor(t.app, 'snoop');
    expect((await as(snoop, 'GET', '/users')).statusCode).toBe(403);
    await t.app.flushRequestAudit();
    const rows = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.http.request')
      .where('entity_id', '=', 'GET /api/v1/users')
      .execute();
    expect(rows.some((r) => r.result === 'failure' && r.actor_name === 'snoop')).toBe(true);
  });
});
