// Seeds the identity benchmark database through the built services: departments, users,
// a department-scoped manager, a login user and an API key.

import { identityDeps } from '../../packages/server/dist/modules/identity/identity.deps.js';
import { storePassword } from '../../packages/server/dist/modules/identity/passwords/password.service.js';
import { bumpAuthzVersion } from '../../packages/server/dist/modules/identity/roles/roles.repository.js';
import { newUserRow } from '../../packages/server/dist/modules/identity/users/users.repository.js';
import { newId } from '../../packages/server/dist/platform/db/ids.js';
import { inTransaction } from '../../packages/server/dist/platform/db/transaction.js';

export async function seedUsers(app, password) {
  const db = app.signx.db;
  const runtime = identityDeps(app.signx);
  const now = new Date().toISOString();
  const dept = async (name, parent) => {
    const id = newId();
    const path = parent ? `${parent.path}${id}/` : `/${id}/`;
    await db
      .insertInto('departments')
      .values({
        id,
        name,
        parent_id: parent?.id ?? null,
        path,
        head_user_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, path };
  };
  const east = await dept('East');
  const shanghai = await dept('Shanghai', east);
  const west = await dept('West');
  const roleId = async (code) =>
    (await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const user = (username, departmentId) => ({
    ...newUserRow(
      {
        username,
        full_name: `${username} Full Name`,
        email: `${username}@example.test`,
        phone: '13812345678',
        department_id: departmentId,
        identity_level: 'internal',
      },
      now,
    ),
    password_changed_at: now,
    must_change_password: 0,
  });
  const rows = [];
  for (let i = 0; i < 300; i += 1)
    rows.push(user(`user${String(i).padStart(4, '0')}`, [east.id, shanghai.id, west.id][i % 3]));
  await db.insertInto('users').values(rows).execute();
  const manager = user('manager', east.id);
  const loginUser = user('loginbench', west.id);
  const managerRole = await roleId('operations_manager');
  const developerRole = await roleId('developer');
  await inTransaction(db, async (trx) => {
    for (const u of [manager, loginUser]) {
      await trx.insertInto('users').values(u).execute();
      await storePassword(trx, runtime, u, password, { mustChange: false });
    }
    await trx
      .insertInto('user_roles')
      .values([
        { user_id: manager.id, role_id: managerRole },
        { user_id: manager.id, role_id: developerRole },
      ])
      .execute();
    await bumpAuthzVersion(trx);
  });
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'manager', password },
    })
  ).json().data.tokens.access_token;
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: { authorization: `Bearer ${token}` },
    payload: { name: 'bench', permissions: ['identity.user.read'] },
  });
  return { apiKey: key.json().data.key, total: rows.length + 3, managerVisible: 200 + 1 };
}
