import type { DbOrTrx } from '../../../platform/db/schema.js';
import { cacheSlot, type IdentityRuntime } from '../shared/identity-runtime.js';
import type { UserRow } from './users.repository.js';

/** Columns a listing needs: never the password hash or the failure counter. */
export const listColumns = [
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

const rowCacheLimit = 10_000;

/**
 * Rows for (id, version) pairs, in the given order: copies kept per process are used while
 * their `row_version` matches the database (every update bumps it, see updateUser); the
 * rest are read in one query. A stale copy is therefore never served.
 */
export async function usersByVersion(
  runtime: IdentityRuntime,
  db: DbOrTrx,
  keys: { id: string; version: number }[],
): Promise<ListedUser[]> {
  const cache = cacheSlot(runtime, 'user-rows', () => new Map<string, ListedUser>());
  const missing = keys.filter((k) => cache.get(k.id)?.row_version !== k.version).map((k) => k.id);
  if (missing.length > 0) {
    const rows = await db.selectFrom('users').select(listColumns).where('users.id', 'in', missing).execute();
    if (cache.size + rows.length > rowCacheLimit) cache.clear();
    for (const row of rows) cache.set(row.id, { ...row, row_version: Number(row.row_version) });
  }
  return keys.flatMap((k) => {
    const row = cache.get(k.id);
    return row && row.row_version === k.version ? [row] : [];
  });
}

/**
 * Role codes per user, cached per process for one authorization version (every role
 * assignment bumps it), so a page of users costs no extra query once warm.
 */
export async function roleCodesCached(
  runtime: IdentityRuntime,
  db: DbOrTrx,
  version: number,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const slot = cacheSlot(runtime, 'user-role-codes', () => ({
    version: -1,
    codes: new Map<string, string[]>(),
  }));
  if (slot.version !== version) {
    slot.version = version;
    slot.codes = new Map();
  }
  const missing = userIds.filter((id) => !slot.codes.has(id));
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('user_roles')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select(['user_roles.user_id', 'roles.code'])
      .where('user_roles.user_id', 'in', missing)
      .execute();
    const fresh = new Map<string, string[]>(missing.map((id) => [id, []]));
    for (const row of rows) fresh.get(row.user_id)?.push(row.code);
    if (!db.isTransaction) for (const [id, codes] of fresh) slot.codes.set(id, codes.sort());
    return new Map(userIds.map((id) => [id, slot.codes.get(id) ?? fresh.get(id) ?? []]));
  }
  return new Map(userIds.map((id) => [id, slot.codes.get(id) ?? []]));
}
