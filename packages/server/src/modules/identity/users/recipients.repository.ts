import type { DbOrTrx } from '../../../platform/db/schema.js';

/** SQL behind identity's recipient sources for the notification center. */
export interface RecipientUser {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  status: string;
}

const columns = ['users.id', 'users.full_name', 'users.email', 'users.phone', 'users.status'] as const;

export async function recipientUsersByIds(db: DbOrTrx, ids: readonly string[]): Promise<RecipientUser[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(columns)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function recipientUsersByRoleCodes(db: DbOrTrx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select([...columns, 'roles.code as role_code'])
    .where('roles.code', 'in', [...codes])
    .execute();
}

export async function departmentPaths(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('departments')
    .select(['id', 'path'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Members of a department, or of it and every department under it. */
export async function recipientUsersInDepartment(
  db: DbOrTrx,
  department: { id: string; path: string },
  withChildren: boolean,
) {
  let query = db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select(columns);
  query = withChildren
    ? query.where('departments.path', 'like', `${department.path.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
    : query.where('departments.id', '=', department.id);
  return query.execute();
}
