import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { RolesTable } from '../identity.tables.js';

/** Every query on roles, their permissions and departments, and the authorization version. */

export type RoleRow = RolesTable;

export async function readAuthzVersion(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('identity_state')
    .select('authz_version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.authz_version ?? 0);
}

/** Makes every process reload roles and permissions before its next authorization decision. */
export async function bumpAuthzVersion(db: DbOrTrx): Promise<void> {
  await db
    .updateTable('identity_state')
    .set((eb) => ({ authz_version: eb('authz_version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** Everything an authorization snapshot is built from, read whole. */
export async function loadAuthzRows(db: DbOrTrx) {
  const [roles, grants, customs, departments] = await Promise.all([
    db.selectFrom('roles').selectAll().execute(),
    db.selectFrom('role_permissions').selectAll().execute(),
    db.selectFrom('role_departments').selectAll().execute(),
    db.selectFrom('departments').select(['id', 'path', 'parent_id', 'head_user_id']).execute(),
  ]);
  return { roles, grants, customs, departments };
}

export async function findRole(db: DbOrTrx, id: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRoleIdByCode(db: DbOrTrx, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

/** The stored columns the role view shows beside the snapshot's, in code order. */
export function listRoleRows(db: DbOrTrx) {
  return db.selectFrom('roles').select(['id', 'name', 'description', 'is_system']).orderBy('code').execute();
}

export function roleDisplayRow(db: DbOrTrx, id: string) {
  return db
    .selectFrom('roles')
    .select(['name', 'description', 'is_system'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertRole(db: DbOrTrx, row: RoleRow): Promise<void> {
  await db.insertInto('roles').values(row).execute();
}

/** Inserts a seed role unless its code exists (race-safe); whether this call inserted it. */
export async function insertRoleIfAbsent(db: DbOrTrx, row: RoleRow): Promise<boolean> {
  const inserted = await db
    .insertInto('roles')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateRoleRow(db: DbOrTrx, id: string, changes: Partial<RoleRow>): Promise<void> {
  await db.updateTable('roles').set(changes).where('id', '=', id).execute();
}

/** Whether a user holds the role or another role inherits from it. */
export async function roleInUse(db: DbOrTrx, id: string): Promise<boolean> {
  const holder = await db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role_id', '=', id)
    .executeTakeFirst();
  const child = await db.selectFrom('roles').select('id').where('parent_id', '=', id).executeTakeFirst();
  return Boolean(holder || child);
}

export async function deleteRoleRows(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', id).execute();
  await db.deleteFrom('role_departments').where('role_id', '=', id).execute();
  await db.deleteFrom('roles').where('id', '=', id).execute();
}

export async function rolePermissionCodes(db: DbOrTrx, roleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_permissions')
    .select('permission_code')
    .where('role_id', '=', roleId)
    .execute();
  return rows.map((r) => r.permission_code);
}

export async function insertRolePermissions(
  db: DbOrTrx,
  roleId: string,
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  await db
    .insertInto('role_permissions')
    .values(codes.map((permission_code) => ({ role_id: roleId, permission_code })))
    .execute();
}

export async function replaceRolePermissions(
  db: DbOrTrx,
  roleId: string,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  await insertRolePermissions(db, roleId, codes);
}

export async function clearRoleDepartments(db: DbOrTrx, roleId: string): Promise<void> {
  await db.deleteFrom('role_departments').where('role_id', '=', roleId).execute();
}

export async function insertRoleDepartments(
  db: DbOrTrx,
  roleId: string,
  ids: readonly string[],
): Promise<void> {
  await db
    .insertInto('role_departments')
    .values(ids.map((department_id) => ({ role_id: roleId, department_id })))
    .execute();
}

/** How many of `ids` name existing departments. */
export async function countDepartments(db: DbOrTrx, ids: readonly string[]): Promise<number> {
  const found = await db.selectFrom('departments').select('id').where('id', 'in', ids).execute();
  return found.length;
}

export async function permissionCodesInDatabase(db: DbOrTrx): Promise<Set<string>> {
  return new Set((await db.selectFrom('permissions').select('code').execute()).map((row) => row.code));
}

export async function roleCodesInDatabase(db: DbOrTrx): Promise<Set<string>> {
  return new Set((await db.selectFrom('roles').select('code').execute()).map((row) => row.code));
}

export async function insertPermissionIfAbsent(
  db: DbOrTrx,
  permission: { code: string; module: string; description: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('permissions')
    .values({ ...permission, created_at: now })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
