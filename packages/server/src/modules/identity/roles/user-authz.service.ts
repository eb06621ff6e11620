import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';
import { userRoleIds } from '../users/users.repository.js';
import {
  type AuthzSnapshot,
  departmentTree,
  loadSnapshot,
  roleChain,
  rolePermissions,
} from './authz-snapshot.js';
import { syncCatalogue } from './catalogue-sync.js';
import type { DataScope } from './data-scope.js';
import { readAuthzVersion } from './roles.repository.js';

/** What a user may do and see, resolved from its roles (cached per process per authz version). */
export interface UserAuthz {
  roleCodes: string[];
  permissions: ReadonlySet<string>;
  scope: DataScope;
  mfaRequired: boolean;
}

/** The per-process authorization cache (kept in IdentityDeps.caches.authz). */
export interface AuthzCache {
  snapshot: AuthzSnapshot | null;
  loading: Promise<AuthzSnapshot> | null;
  users: Map<string, { version: number; departmentId: string | null; authz: UserAuthz }>;
  synced: Promise<void> | null;
}

const authzCache = (runtime: IdentityDeps): AuthzCache => runtime.caches.authz;

const seedOptions = (runtime: IdentityDeps) => ({ mfaRequired: runtime.settings.mfaRequiredDefault });

/**
 * Ensures the permission catalogue and seed roles exist (once per process): run when the
 * app starts and before the first administrator is created, never by a read.
 */
export function ensureCatalogue(runtime: IdentityDeps): Promise<void> {
  const cache = authzCache(runtime);
  cache.synced ??= syncCatalogue(
    runtime.ctx.db,
    runtime.ctx.clock.now().toISOString(),
    seedOptions(runtime),
  ).catch((error) => {
    cache.synced = null;
    throw error;
  });
  return cache.synced;
}

/**
 * The snapshot at `version`. Pass the open transaction when inside one (SQLite has a single
 * connection); a snapshot read inside a transaction is never cached, because that
 * transaction might still roll back a change it made under a new version number.
 */
async function snapshotAt(
  runtime: IdentityDeps,
  version: number,
  db: DbOrTrx = runtime.ctx.db,
): Promise<AuthzSnapshot> {
  const cache = authzCache(runtime);
  if (cache.snapshot && cache.snapshot.version === version) return cache.snapshot;
  if (db.isTransaction) return loadSnapshot(db, version);
  cache.loading ??= loadSnapshot(db, version).finally(() => {
    cache.loading = null;
  });
  const snapshot = await cache.loading;
  if (snapshot.version >= (cache.snapshot?.version ?? 0)) {
    cache.snapshot = snapshot;
    cache.users.clear();
  }
  return snapshot.version === version ? snapshot : snapshotAt(runtime, version, db);
}

/** The snapshot at the version the database holds now (inside a transaction: never cached). */
export async function currentSnapshot(
  runtime: IdentityDeps,
  db: DbOrTrx = runtime.ctx.db,
): Promise<AuthzSnapshot> {
  return snapshotAt(runtime, await readAuthzVersion(db), db);
}

/** The authorization of `userId` at `version` (the version the caller just read with the session). */
export async function userAuthz(
  runtime: IdentityDeps,
  user: { id: string; departmentId: string | null },
  version: number,
  db: DbOrTrx = runtime.ctx.db,
): Promise<UserAuthz> {
  const cache = authzCache(runtime);
  const hit = cache.users.get(user.id);
  if (hit && hit.version === version && hit.departmentId === user.departmentId) return hit.authz;
  const snapshot = await snapshotAt(runtime, version, db);
  const roleIds = await userRoleIds(db, user.id);
  const authz = resolveAuthz(snapshot, roleIds, user);
  if (!db.isTransaction && cache.snapshot === snapshot)
    cache.users.set(user.id, { version, departmentId: user.departmentId, authz });
  return authz;
}

/** Pure resolution (tested directly): union of permissions and scopes over all roles. */
export function resolveAuthz(
  snapshot: AuthzSnapshot,
  roleIds: string[],
  user: { id: string; departmentId: string | null },
): UserAuthz {
  const permissions = new Set<string>();
  const departments = new Set<string>();
  let all = false;
  let mfaRequired = false;
  for (const roleId of roleIds) {
    for (const code of rolePermissions(snapshot, roleId)) permissions.add(code);
    const role = snapshot.roles.get(roleId);
    if (!role) continue;
    mfaRequired ||= roleChain(snapshot, roleId).some((r) => r.mfaRequired);
    if (role.dataScope === 'all') all = true;
    else if (role.dataScope === 'department' && user.departmentId) departments.add(user.departmentId);
    else if (role.dataScope === 'department_tree' && user.departmentId)
      for (const id of departmentTree(snapshot, user.departmentId)) departments.add(id);
    else if (role.dataScope === 'custom') for (const id of role.departments) departments.add(id);
  }
  const roleCodes = roleIds.flatMap((id) => snapshot.roles.get(id)?.code ?? []);
  const scope: DataScope = all
    ? { all: true, userId: user.id }
    : { all: false, userId: user.id, departmentIds: [...departments] };
  return { roleCodes, permissions, scope, mfaRequired };
}
