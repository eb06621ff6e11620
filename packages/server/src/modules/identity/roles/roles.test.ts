import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { departmentHeadAbove } from '../departments/department-head.js';

describe('roles, inheritance, custom scopes, departments and their heads', () => {
  let t: IdentityTestApp;
  let admin: string;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    token = admin,
  ) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    admin = await tokenFor(t.app, 'root');
  });
  afterAll(() => t.close());

  it('seeds the five roles of the OPS seed; super admin holds every permission, auditor only reads', async () => {
    const roles = (await call('GET', '/roles')).json().data as {
      code: string;
      effective_permissions: string[];
    }[];
    expect(roles.map((r) => r.code).sort()).toEqual([
      'auditor',
      'developer',
      'operations_manager',
      'operations_specialist',
      'super_admin',
    ]);
    const catalogue = (await call('GET', '/permissions')).json().data.map((p: { code: string }) => p.code);
    expect(roles.find((r) => r.code === 'super_admin')?.effective_permissions).toEqual([...catalogue].sort());
    const auditor = roles.find((r) => r.code === 'auditor')?.effective_permissions ?? [];
    expect(auditor).toEqual(
      expect.arrayContaining(['audit.event.read', 'audit.export', 'audit.verify', 'identity.user.read']),
    );
    expect(auditor.filter((p) => !p.endsWith('.read') && !p.startsWith('audit.'))).toEqual([]);
  });

  it('a child role inherits its parent’s permissions; changes apply to signed-in users at once', async () => {
    const parent = await call('POST', '/roles', {
      code: 'reader',
      name: 'Reader',
      data_scope: 'own',
      permissions: ['identity.department.read'],
    });
    expect(parent.statusCode, parent.body).toBe(201);
    const child = await call('POST', '/roles', {
      code: 'reader_plus',
      name: 'Reader+',
      parent: 'reader',
      data_scope: 'own',
      permissions: ['identity.role.read'],
    });
    expect(child.json().data.effective_permissions).toEqual([
      'identity.department.read',
      'identity.role.read',
    ]);
    await createUserWith(t.app, { username: 'rita', roles: ['reader_plus'] });
    const rita = await tokenFor(t.app, 'rita');
    expect((await call('GET', '/departments', undefined, rita)).statusCode).toBe(200);
    const cycle = await call('PATCH', `/roles/${parent.json().data.id}`, { parent: 'reader_plus' });
    expect(cycle.statusCode).toBe(400);
    await call('PUT', `/roles/${parent.json().data.id}/permissions`, { permissions: [] });
    expect((await call('GET', '/departments', undefined, rita)).statusCode).toBe(403);
    expect((await auditRows(t.app, 'identity.role.permissions_changed')).length).toBe(1);
  });

  it('custom scope sees exactly the listed departments', async () => {
    const a = (await call('POST', '/departments', { name: 'A' })).json().data.id;
    const b = (await call('POST', '/departments', { name: 'B' })).json().data.id;
    await call('POST', '/roles', {
      code: 'a_viewer',
      name: 'A viewer',
      data_scope: 'custom',
      department_ids: [a],
      permissions: ['identity.user.read'],
    });
    await createUserWith(t.app, { username: 'in_a', departmentId: a });
    await createUserWith(t.app, { username: 'in_b', departmentId: b });
    await createUserWith(t.app, { username: 'viewer', roles: ['a_viewer'], departmentId: b });
    const token = await tokenFor(t.app, 'viewer');
    const names = (await call('GET', '/users?page_size=100', undefined, token))
      .json()
      .data.items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual(['in_a', 'viewer']);
  });

  it('moves departments with their subtree, refuses cycles and non-empty deletes, finds heads N levels up', async () => {
    const boss = await createUserWith(t.app, { username: 'boss' });
    const lead = await createUserWith(t.app, { username: 'lead' });
    const root = (await call('POST', '/departments', { name: 'HQ', head_user_id: boss.id })).json().data;
    const mid = (
      await call('POST', '/departments', { name: 'Ops', parent_id: root.id, head_user_id: lead.id })
    ).json().data;
    const leaf = (await call('POST', '/departments', { name: 'Ops East', parent_id: mid.id })).json().data;
    expect(leaf.depth).toBe(3);
    const worker = await createUserWith(t.app, { username: 'worker', departmentId: mid.id });
    await t.app.signx.db
      .updateTable('users')
      .set({ department_id: mid.id })
      .where('id', '=', lead.id)
      .execute();
    const db = t.app.signx.db;
    expect(await departmentHeadAbove(db, { userId: worker.id, levels: 1 })).toEqual({
      userId: lead.id,
      departmentId: mid.id,
    });
    expect(await departmentHeadAbove(db, { userId: worker.id, levels: 2 })).toEqual({
      userId: boss.id,
      departmentId: root.id,
    });
    expect(await departmentHeadAbove(db, { userId: lead.id, levels: 1 })).toEqual({
      userId: boss.id,
      departmentId: root.id,
    });
    expect(await departmentHeadAbove(db, { userId: worker.id, levels: 3 })).toBeNull();
    expect((await call('PATCH', `/departments/${root.id}`, { parent_id: leaf.id })).statusCode).toBe(400);
    const other = (await call('POST', '/departments', { name: 'Elsewhere' })).json().data;
    expect((await call('PATCH', `/departments/${mid.id}`, { parent_id: other.id })).statusCode).toBe(200);
    expect((await call('GET', `/departments/${leaf.id}`)).json().data.depth).toBe(3);
    const paths = await db
      .selectFrom('departments')
      .select(['id', 'path'])
      .where('id', '=', leaf.id)
      .executeTakeFirstOrThrow();
    expect(paths.path).toBe(`/${other.id}/${mid.id}/${leaf.id}/`);
    expect((await call('DELETE', `/departments/${mid.id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/departments/${leaf.id}`)).statusCode).toBe(200);
  });

  it('refuses to delete a seeded role or a role in use', async () => {
    const seeded = await t.app.signx.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'auditor')
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/roles/${seeded.id}`)).statusCode).toBe(409);
    const inUse = await t.app.signx.db
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'a_viewer')
      .executeTakeFirstOrThrow();
    expect((await call('DELETE', `/roles/${inUse.id}`)).statusCode).toBe(409);
  });
});
