import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { DepartmentsTable } from '../identity.tables.js';

export type DepartmentRow = DepartmentsTable;

export function departmentsByPath(db: DbOrTrx): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().orderBy('path').execute();
}

export function findDepartment(db: DbOrTrx, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The tree links of one department (the head walk reads only these). */
export function departmentLinks(db: DbOrTrx, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'parent_id', 'head_user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function departmentOfUser(db: DbOrTrx, userId: string): Promise<string | null> {
  const user = await db
    .selectFrom('users')
    .select('department_id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.department_id ?? null;
}

export async function userExists(db: DbOrTrx, userId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst());
}

export async function insertDepartment(db: DbOrTrx, row: DepartmentRow): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

/** Moves a subtree: every path under `oldPath` is rewritten to start with `newPath`. */
export async function movePaths(db: DbOrTrx, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('departments')
    .set({ path: sql`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

export async function updateDepartmentRow(
  db: DbOrTrx,
  id: string,
  changes: Pick<DepartmentRow, 'name' | 'parent_id' | 'head_user_id' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('departments').set(changes).where('id', '=', id).execute();
}

/** Whether a sub-department, a user or a role scope still refers to the department. */
export async function departmentInUse(db: DbOrTrx, id: string): Promise<boolean> {
  const child = await db
    .selectFrom('departments')
    .select('id')
    .where('parent_id', '=', id)
    .executeTakeFirst();
  const member = await db.selectFrom('users').select('id').where('department_id', '=', id).executeTakeFirst();
  const role = await db
    .selectFrom('role_departments')
    .select('role_id')
    .where('department_id', '=', id)
    .executeTakeFirst();
  return Boolean(child || member || role);
}

export async function deleteDepartmentRow(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('departments').where('id', '=', id).execute();
}

/** The departments a user belongs to (its own) or heads, by name (a user's teams). */
export function departmentsOfMember(db: DbOrTrx, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([
        eb('head_user_id', '=', userId),
        eb('id', '=', eb.selectFrom('users').select('department_id').where('users.id', '=', userId)),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Active members of one department with each role they hold (a row per role; null: none). */
export function activeMemberRoles(db: DbOrTrx, departmentId: string) {
  return db
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id as user_id', 'user_roles.role_id'])
    .where('users.department_id', '=', departmentId)
    .where('users.status', '=', 'active')
    .execute();
}
