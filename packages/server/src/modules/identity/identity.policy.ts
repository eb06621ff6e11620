import type { DbOrTrx } from '../../platform/db/schema.js';
import { forbidden, invalid } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { IdentityDeps } from './identity.deps.js';
import { identityErrors, identityRefusal } from './identity.errors.js';
import { type AuthzSnapshot, roleChain, rolePermissions } from './roles/authz-snapshot.js';
import type { DataScope } from './roles/data-scope.js';
import { isDeclaredPermission } from './roles/permission-catalogue.js';
import { currentSnapshot, resolveAuthz, type UserAuthz } from './roles/user-authz.service.js';
import { detailsOf } from './sessions/principal-details.js';
import { userRoleIds } from './users/users.repository.js';

/**
 * Who may administer whom: the identity module's one policy, used by every route that
 * touches another user (profile, department, roles, status, password reset, MFA removal,
 * sessions, API keys) or a role. Deny by default; each refusal names its reason.
 *
 * - An actor may act on a target only when the actor holds every effective permission of
 *   the target and the target's data scope lies within the actor's.
 * - Nobody changes their own department, roles or scope; a department an actor assigns
 *   must lie within the actor's scope.
 * - No privilege escalation: a role (to a user, or as a parent of a role) or a permission (to
 *   a role or an API key) is granted only by a caller holding every permission involved.
 * - API keys are made by signed-in users only; another user's key is revoked only by
 *   someone who may administer its owner.
 * - An actor may edit a role only when it holds every effective permission of the role, does
 *   not hold the role (or inherit from it), and the role's scope, before and after, is no
 *   wider than the actor's own; a system role's MFA requirement cannot be switched off.
 */

interface Actor {
  userId: string | null;
  permissions: ReadonlySet<string>;
  scope: DataScope;
  roleCodes: readonly string[];
}

function actorOf(principal: Principal): Actor {
  const details = detailsOf(principal);
  return {
    userId: principal.userId,
    permissions: principal.permissions,
    scope: details.scope,
    roleCodes: details.roleCodes,
  };
}

/** Whether every row `inner` shows is also shown by `outer` (own rows aside). */
function scopeWithin(inner: DataScope, outer: DataScope): boolean {
  if (outer.all) return true;
  if (inner.all) return false;
  const allowed = new Set(outer.departmentIds);
  return inner.departmentIds.every((id) => allowed.has(id));
}

/** What the target may do and see, resolved as the authenticator would (optionally with other roles). */
async function authzOfUser(
  db: DbOrTrx,
  runtime: IdentityDeps,
  user: { id: string; department_id: string | null },
  roleIds?: string[],
): Promise<{ snapshot: AuthzSnapshot; authz: UserAuthz }> {
  const snapshot = await currentSnapshot(runtime, db);
  const ids = roleIds ?? (await userRoleIds(db, user.id));
  return { snapshot, authz: resolveAuthz(snapshot, ids, { id: user.id, departmentId: user.department_id }) };
}

/** The actor may administer a user with `target` authorization (itself included). */
function assertMayAdminister(principal: Principal, target: { id: string; authz: UserAuthz }): void {
  const actor = actorOf(principal);
  if (actor.userId === target.id) return;
  const missing = [...target.authz.permissions].filter((p) => !actor.permissions.has(p));
  if (missing.length > 0)
    throw identityRefusal(
      identityErrors.TARGET_OUTRANKS_ACTOR,
      'This user holds permissions you do not hold; ask a higher administrator',
    );
  if (!scopeWithin(target.authz.scope, actor.scope))
    throw identityRefusal(
      identityErrors.TARGET_OUTRANKS_ACTOR,
      'This user sees data outside your scope; ask a higher administrator',
    );
}

/** Loads the target's authorization and applies `assertMayAdminister`. */
export async function assertMayAdministerUser(
  db: DbOrTrx,
  runtime: IdentityDeps,
  principal: Principal,
  user: { id: string; department_id: string | null },
  roleIds?: string[],
): Promise<void> {
  const { authz } = await authzOfUser(db, runtime, user, roleIds);
  assertMayAdminister(principal, { id: user.id, authz });
}

/** Department, roles and scope are never self-service. */
export function assertNotSelf(principal: Principal, targetId: string, what: string): void {
  if (principal.userId === targetId)
    throw identityRefusal(identityErrors.SELF_CHANGE, `You cannot change your own ${what}`);
}

/** A department the actor assigns (to a new or existing user) must lie within the actor's scope. */
export function assertDepartmentInScope(principal: Principal, departmentId: string | null): void {
  const { scope } = actorOf(principal);
  if (scope.all) return;
  if (departmentId === null || !scope.departmentIds.includes(departmentId))
    throw identityRefusal(
      identityErrors.DEPARTMENT_OUTSIDE_SCOPE,
      'You can only assign departments within your own data scope',
    );
}

const scopeRank = { own: 0, department: 1, custom: 1, department_tree: 2, all: 3 } as const;
type ScopeName = keyof typeof scopeRank;

/** The widest scope an actor's roles give (as a rank), and the role ids it holds or inherits. */
function actorRoles(snapshot: AuthzSnapshot, actor: Actor) {
  const byCode = new Map([...snapshot.roles.values()].map((r) => [r.code, r]));
  const held = new Set<string>();
  let rank = 0;
  for (const code of actor.roleCodes) {
    const role = byCode.get(code);
    if (!role) continue;
    rank = Math.max(rank, scopeRank[role.dataScope]);
    for (const node of roleChain(snapshot, role.id)) held.add(node.id);
  }
  return { held, rank: actor.scope.all ? scopeRank.all : rank };
}

/** A role scope (name + custom departments) no wider than the actor's own. */
function assertScopeNotWider(
  actor: Actor,
  rank: number,
  scope: ScopeName,
  departmentIds: readonly string[],
): void {
  const own = actor.scope;
  const customOutside =
    scope === 'custom' && !own.all && departmentIds.some((id) => !own.departmentIds.includes(id));
  if (scopeRank[scope] > rank || customOutside)
    throw identityRefusal(
      identityErrors.SCOPE_BEYOND_ACTOR,
      'A role cannot be given a data scope wider than your own',
    );
}

/** The actor may change role `roleId` into `change` (fields left out stay as they are). */
export function assertMayEditRole(
  principal: Principal,
  snapshot: AuthzSnapshot,
  roleId: string,
  change: {
    dataScope?: ScopeName;
    departmentIds?: readonly string[];
    mfaRequired?: boolean;
    isSystem: boolean;
  },
): void {
  const actor = actorOf(principal);
  const role = snapshot.roles.get(roleId);
  if (!role) return;
  const { held, rank } = actorRoles(snapshot, actor);
  if (held.has(roleId))
    throw identityRefusal(identityErrors.OWN_ROLE, 'You cannot change a role you hold yourself');
  const missing = [...rolePermissions(snapshot, roleId)].filter((p) => !actor.permissions.has(p));
  if (missing.length > 0)
    throw identityRefusal(
      identityErrors.ROLE_OUTRANKS_ACTOR,
      'This role holds permissions you do not hold; ask a higher administrator',
    );
  assertScopeNotWider(actor, rank, role.dataScope, role.departments);
  if (change.dataScope || change.departmentIds)
    assertScopeNotWider(
      actor,
      rank,
      change.dataScope ?? role.dataScope,
      change.departmentIds ?? role.departments,
    );
  if (change.isSystem && change.mfaRequired === false && role.mfaRequired)
    throw identityRefusal(
      identityErrors.SYSTEM_ROLE_PROTECTION,
      'The MFA requirement of a system role cannot be switched off',
    );
}

/** A new role's scope is no wider than its creator's. */
export function assertMayCreateRoleScope(
  principal: Principal,
  snapshot: AuthzSnapshot,
  scope: ScopeName,
  departmentIds: readonly string[],
): void {
  const actor = actorOf(principal);
  assertScopeNotWider(actor, actorRoles(snapshot, actor).rank, scope, departmentIds);
}

/**
 * The ids of the roles `roleCodes` names, each checked as grantable by the caller: it must
 * hold every permission the role gives (with inheritance). Unknown codes are a 400.
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

/** The caller holds every one of `permissions` (it may grant them). */
export function assertHolds(principal: Principal, permissions: Iterable<string>, what: string): void {
  const missing = [...permissions].filter((p) => !principal.permissions.has(p));
  if (missing.length > 0)
    throw forbidden(
      `You cannot grant ${what}: it includes permissions you do not hold (${missing.slice(0, 5).join(', ')})`,
    );
}

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
