import type { DbOrTrx } from '../../../platform/db/schema.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { assertHolds } from '../roles/grant-guard.js';
import { isDeclaredPermission } from '../roles/permission-catalogue.js';

/**
 * Keys are made by signed-in users (never by another key), only with declared permissions
 * the user holds; returns the owner's id.
 */
export function assertMayCreateKey(principal: Principal, permissions: readonly string[]): string {
  if (principal.kind !== 'user' || !principal.userId)
    throw forbidden('API keys are created by signed-in users');
  const unknown = permissions.find((p) => !isDeclaredPermission(p));
  if (unknown) throw invalid('permissions', `Unknown permission ${unknown}`);
  assertHolds(principal, permissions, 'these permissions');
  return principal.userId;
}

/** Another user's key (`owner` given) is revoked only by someone who may administer its owner. */
export async function assertMayRevokeKey(
  db: DbOrTrx,
  runtime: IdentityDeps,
  principal: Principal,
  owner: { id: string; department_id: string | null } | undefined,
): Promise<void> {
  if (owner) await assertMayAdministerUser(db, runtime, principal, owner);
}
