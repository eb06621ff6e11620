import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';
import { type ListedUser, listedUsersByIds, roleCodesByUser } from './users.repository.js';

const rowCacheLimit = 10_000;

/**
 * Rows for (id, version) pairs, in the given order: copies kept per process are used while
 * their `row_version` matches the database (every update bumps it, see updateUser); the
 * rest are read in one query. A stale copy is therefore never served.
 */
export async function usersByVersion(
  runtime: IdentityDeps,
  db: DbOrTrx,
  keys: { id: string; version: number }[],
): Promise<ListedUser[]> {
  const cache = runtime.caches.userRows;
  const missing = keys.filter((k) => cache.get(k.id)?.row_version !== k.version).map((k) => k.id);
  if (missing.length > 0) {
    const rows = await listedUsersByIds(db, missing);
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
  runtime: IdentityDeps,
  db: DbOrTrx,
  version: number,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const slot = runtime.caches.userRoleCodes;
  if (slot.version !== version) {
    slot.version = version;
    slot.codes = new Map();
  }
  const missing = userIds.filter((id) => !slot.codes.has(id));
  if (missing.length > 0) {
    const found = await roleCodesByUser(db, missing);
    const fresh = new Map<string, string[]>(missing.map((id) => [id, [...(found.get(id) ?? [])]]));
    if (!db.isTransaction) for (const [id, codes] of fresh) slot.codes.set(id, codes.sort());
    return new Map(userIds.map((id) => [id, slot.codes.get(id) ?? fresh.get(id) ?? []]));
  }
  return new Map(userIds.map((id) => [id, slot.codes.get(id) ?? []]));
}
