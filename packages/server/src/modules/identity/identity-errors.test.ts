import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
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
import { identityErrors } from './identity.errors.js';

/**
 * Every identity domain code (40302–40311) reaches the HTTP answer: status 403, the precise
 * number as the envelope's `code`, and the code's name as `details.reason`.
 */
describe('identity domain error codes in HTTP responses', () => {
  let t: IdentityTestApp;
  let root: string;
  let east: string;
  let west: string;
  const db = () => t.app.signx.db;
  const as = (token: string, method: InjectOptions['method'], url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const userNamed = (username: string) =>
    db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const roleNamed = (code: string) =>
    db().selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const bumpAuthz = () =>
    db()
      .updateTable('identity_state')
      .set((eb) => ({ authz_version: eb('authz_version', '+', 1) }))
      .execute();

  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    root = await tokenFor(t.app, 'root');
    east = (await as(root, 'POST', '/departments', { name: 'East' })).json().data.id;
    west = (await as(root, 'POST', '/departments', { name: 'West' })).json().data.id;
    const role = async (body: object) =>
      expect((await as(root, 'POST', '/roles', body)).statusCode).toBe(201);
    await role({
      code: 'user_admin',
      name: 'User admin',
      data_scope: 'department',
      permissions: ['identity.user.read', 'identity.user.update', 'identity.department.read'],
    });
    await role({
      code: 'role_boss',
      name: 'Role boss',
      data_scope: 'department',
      permissions: ['identity.role.read', 'identity.role.update', 'identity.user.read'],
    });
    await role({ code: 'reader', name: 'Reader', data_scope: 'own', permissions: ['identity.user.read'] });
    await createUserWith(t.app, { username: 'ua', roles: ['user_admin'], departmentId: east });
    await createUserWith(t.app, { username: 'boss', roles: ['super_admin'], departmentId: east });
    await createUserWith(t.app, { username: 'worker', departmentId: east });
    await createUserWith(t.app, { username: 'rb', roles: ['role_boss'], departmentId: east });
  });
  afterAll(() => t.close());

  it('answers each of the ten codes with 403, its number and its reason', async () => {
    const ua = await tokenFor(t.app, 'ua');
    const rb = await tokenFor(t.app, 'rb');
    const self = await userNamed('ua');
    const worker = await userNamed('worker');
    const boss = await userNamed('boss');
    const answers = new Map<number, Response>();
    const expectCode = (api: number, response: Response) => answers.set(api, response);

    expectCode(40302, await as(ua, 'PATCH', `/users/${worker.id}`, { email: 'w2@example.test' }));
    await db().updateTable('users').set({ must_change_password: 1 }).where('id', '=', worker.id).execute();
    const workerToken = await tokenFor(t.app, 'worker');
    expectCode(40303, await as(workerToken, 'GET', '/users'));
    await db().updateTable('users').set({ must_change_password: 0 }).where('id', '=', worker.id).execute();

    expectCode(40305, await as(ua, 'PATCH', `/users/${boss.id}`, { full_name: 'Renamed' }));
    expectCode(40306, await as(ua, 'PATCH', `/users/${self.id}`, { department_id: west }));
    expectCode(40307, await as(ua, 'PATCH', `/users/${worker.id}`, { department_id: west }));
    expectCode(40308, await as(rb, 'PATCH', `/roles/${(await roleNamed('role_boss')).id}`, { name: 'Mine' }));
    expectCode(
      40309,
      await as(rb, 'PATCH', `/roles/${(await roleNamed('super_admin')).id}`, { name: 'Top' }),
    );
    expectCode(
      40310,
      await as(rb, 'PATCH', `/roles/${(await roleNamed('reader')).id}`, { data_scope: 'all' }),
    );
    const specialist = await roleNamed('operations_specialist');
    await db().updateTable('roles').set({ mfa_required: 1 }).where('id', '=', specialist.id).execute();
    await bumpAuthz();
    expectCode(40311, await as(root, 'PATCH', `/roles/${specialist.id}`, { mfa_required: false }));

    // Last: a role of the reader now requires MFA, so its session may only enrol a factor.
    await createUserWith(t.app, { username: 'plain', roles: ['reader'] });
    await db().updateTable('users').set({ email: null }).where('username', '=', 'plain').execute();
    await db().updateTable('roles').set({ mfa_required: 1 }).where('code', '=', 'reader').execute();
    await bumpAuthz();
    const plain = (await login(t.app, 'plain')).json().data.tokens.access_token as string;
    expectCode(40304, await as(plain, 'GET', '/users'));

    // The passkey codes (40125, 40325, 40326) are answered in passkeys/passkey-*.test.ts.
    const declared = Object.values(identityErrors).filter((c) => !c.name.startsWith('PASSKEY_'));
    expect([...answers.keys()].sort()).toEqual(declared.map((c) => c.api).sort());
    for (const code of declared) {
      const response = answers.get(code.api);
      expect(
        { status: response?.statusCode, body: response?.json() },
        `${code.name} (${code.api})`,
      ).toMatchObject({
        status: 403,
        body: { code: code.api, details: { reason: code.name.toLowerCase() } },
      });
    }
  });
});
