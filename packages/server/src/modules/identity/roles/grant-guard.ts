import type { DbOrTrx } from '../../../platform/db/schema.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { rolePermissions } from './authz-snapshot.js';
import { currentSnapshot } from './user-authz.js';

/**
 * No privilege escalation: a caller may grant a role (to a user, or as a parent of a role)
 * or a permission (to a role or an API key) only if it holds every permission involved.
 */
export async function roleIdsGrantableBy(
  db: DbOrTrx,
  runtime: IdentityDeps,
  principal: Principal,
  roleCodes: string[],
  field = 'roles',
): Promise<string[]> {
  if (roleCodes.length === 0) return [];
  const snapshot = await currentSnapshot(runtime, db);
  const byCode = new Map([...snapshot.roles.values()].map((r) => [r.code, r.id]));
  const ids: string[] = [];
  for (const code of roleCodes) {
    const id = byCode.get(code);
    if (!id) throw invalid(field, `Unknown role ${code}`);
    assertHolds(principal, rolePermissions(snapshot, id), `role ${code}`);
    ids.push(id);
  }
  return ids;
}

export function assertHolds(principal: Principal, permissions: Iterable<string>, what: string): void {
  const missing = [...permissions].filter((p) => !principal.permissions.has(p));
  if (missing.length > 0)
    throw forbidden(
      `You cannot grant ${what}: it includes permissions you do not hold (${missing.slice(0, 5).join(', ')})`,
    );
}
