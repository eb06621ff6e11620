import { runCompiled } from '../../../platform/db/compiled-once.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { UsersTable } from '../identity.tables.js';
import type { DataScope } from '../roles/data-scope.js';
import { applyDataScope } from '../roles/data-scope.repository.js';

/** All SQL on `users` and `user_roles`. */
export type UserRow = UsersTable;

export async function findUserByUsername(db: DbOrTrx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The account with whether it has a confirmed TOTP factor and a passkey that is not revoked:
 * one statement for what a signing ceremony asks of its signer (three reads before).
 */
export async function findUserWithFactors(
  db: DbOrTrx,
  id: string,
): Promise<(UserRow & { has_totp: number | boolean; has_passkey: number | boolean }) | undefined> {
  const result = await runCompiled(
    db,
    'identity.user.with-factors',
    (user) =>
      db
        .selectFrom('users')
        .selectAll('users')
        .select((eb) => [
          eb
            .exists(
              eb
                .selectFrom('totp_factors')
                .select('totp_factors.user_id')
                .whereRef('totp_factors.user_id', '=', 'users.id')
                .where('totp_factors.confirmed_at', 'is not', null),
            )
            .as('has_totp'),
          eb
            .exists(
              eb
                .selectFrom('identity_passkeys')
                .select('identity_passkeys.id')
                .whereRef('identity_passkeys.user_id', '=', 'users.id')
                .where('identity_passkeys.revoked_at', 'is', null),
            )
            .as('has_passkey'),
        ])
        .where('users.id', '=', user as string),
    [id],
  );
  return result.rows[0];
}

/** What the creator of an account chooses; every other column starts from `newUserRow`. */
export type NewUserProfile = Pick<
  UserRow,
  'username' | 'full_name' | 'email' | 'phone' | 'department_id' | 'identity_level'
>;

/**
 * A new active account without a password (one must be set and changed on first use) and
 * with clean login counters: one definition for the admin API and the first-admin bootstrap.
 */
export function newUserRow(profile: NewUserProfile, now: string): UserRow {
  return {
    id: newId(),
    username: profile.username,
    full_name: profile.full_name,
    email: profile.email,
    phone: profile.phone,
    department_id: profile.department_id,
    status: 'active',
    identity_level: profile.identity_level,
    password_hash: null,
    password_changed_at: null,
    must_change_password: 1,
    failed_attempts: 0,
    locked_until: null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
    disabled_at: null,
    row_version: 1,
  };
}

export async function insertUser(db: DbOrTrx, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Every change of a user row goes through here, so `row_version` always moves. */
export async function updateUser(db: DbOrTrx, id: string, changes: Partial<UserRow>): Promise<void> {
  const { row_version: _ignored, ...rest } = changes;
  await db
    .updateTable('users')
    .set((eb) => ({ ...rest, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function userRoleIds(db: DbOrTrx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role_id);
}

export async function replaceUserRoles(db: DbOrTrx, userId: string, roleIds: string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleIds.length > 0)
    await db
      .insertInto('user_roles')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
}

/** Role codes per user for a page of users (one query, not one per row). */
export async function roleCodesByUser(db: DbOrTrx, userIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['user_roles.user_id', 'roles.code'])
    .where('user_roles.user_id', 'in', userIds)
    .execute();
  for (const row of rows) result.set(row.user_id, [...(result.get(row.user_id) ?? []), row.code]);
  return result;
}

export async function recentPasswordHashes(db: DbOrTrx, userId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

const userColumns = { owner: 'users.id', department: 'users.department_id' };

/** One user, when `scope` shows it. */
export function findUserInScope(db: DbOrTrx, scope: DataScope, id: string): Promise<UserRow | undefined> {
  return applyDataScope(db.selectFrom('users').selectAll('users'), scope, userColumns)
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function departmentExists(db: DbOrTrx, departmentId: string): Promise<boolean> {
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return Boolean(found);
}

/** Columns a listing needs: never the password hash or the failure counter. */
const listColumns = [
  'users.id',
  'users.username',
  'users.full_name',
  'users.email',
  'users.phone',
  'users.department_id',
  'users.status',
  'users.identity_level',
  'users.locked_until',
  'users.must_change_password',
  'users.last_login_at',
  'users.created_at',
  'users.updated_at',
  'users.disabled_at',
  'users.password_changed_at',
  'users.row_version',
] as const;

export type ListedUser = Omit<UserRow, 'password_hash' | 'failed_attempts'>;

export function listedUsersByIds(db: DbOrTrx, ids: readonly string[]) {
  return db.selectFrom('users').select(listColumns).where('users.id', 'in', ids).execute();
}

/** Users by id with the columns other modules may see (disabled users included). */
export function userSummariesByIds(db: DbOrTrx, ids: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'email', 'department_id', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function insertPasswordHistory(
  db: DbOrTrx,
  row: { id: string; user_id: string; password_hash: string; created_at: string },
): Promise<void> {
  await db.insertInto('password_history').values(row).execute();
}
