import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import {
  assertDepartmentInScope,
  assertMayAdministerUser,
  assertNotSelf,
  roleIdsGrantableBy,
} from '../identity.policy.js';
import { requireStepUpProof } from '../mfa/step-up-proof.service.js';
import { sendPasswordLink } from '../passwords/password-reset.service.js';
import type { DataScope } from '../roles/data-scope.js';

import { bumpAuthzVersion } from '../roles/roles.repository.js';
import { dataScopeOf, detailsOf } from '../sessions/principal-details.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { emitIdentityEvent } from '../shared/identity-events.js';
import { listUsersPage, type UserListQuery } from './user-list.repository.js';
import { roleCodesCached } from './user-row-cache.js';
import { presentUser } from './users.presenter.js';
import {
  departmentExists,
  findUserByUsername,
  findUserInScope,
  insertUser,
  type ListedUser,
  newUserRow,
  replaceUserRoles,
  roleCodesByUser,
  type UserRow,
  updateUser,
} from './users.repository.js';

/** Reading a user by id is the repository's; routes reach it through the service. */
export { findUserById, type UserRow } from './users.repository.js';

/** One user inside the caller's scope; outside it the user does not exist (404). */
export async function userInScope(db: DbOrTrx, scope: DataScope, id: string): Promise<UserRow> {
  const row = await findUserInScope(db, scope, id);
  if (!row) throw notFound('User');
  return row;
}

async function assertDepartment(db: DbOrTrx, departmentId: string | null | undefined) {
  if (!departmentId) return;
  if (!(await departmentExists(db, departmentId))) throw invalid('department_id', 'No such department');
}

/**
 * A user as `viewer` may see it (phone masked without user.phone.view): its roles are read
 * here, with the handle given (the open transaction when the reply commits with a write).
 */
export async function userView(db: DbOrTrx, viewer: { permissions: ReadonlySet<string> }, row: ListedUser) {
  const roles = (await roleCodesByUser(db, [row.id])).get(row.id) ?? [];
  return presentUser(row, roles, viewer.permissions);
}

/** A page of users in the caller's scope, with their role codes (cached per authz version). */
export async function listUsers(
  db: DbOrTrx,
  runtime: IdentityDeps,
  principal: Principal,
  query: UserListQuery,
) {
  const details = detailsOf(principal);
  const page = await listUsersPage(runtime, db, details.scope, query);
  const roles = await roleCodesCached(
    runtime,
    db,
    details.authzVersion,
    page.items.map((u) => u.id),
  );
  return {
    ...page,
    items: page.items.map((u) => presentUser(u, roles.get(u.id) ?? [], principal.permissions)),
  };
}

type ProfileChanges = Partial<
  Pick<UserRow, 'full_name' | 'email' | 'phone' | 'department_id' | 'identity_level'>
>;

export interface CreateUserInput {
  username: string;
  full_name: string;
  email: string;
  phone?: string | undefined;
  department_id?: string | undefined;
  identity_level?: string | undefined;
  roles?: string[] | undefined;
}

/** Creates an account without a password; the user sets one through the mailed link. */
export async function createUser(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: CreateUserInput,
) {
  if (await findUserByUsername(trx, input.username))
    throw conflict('Username already taken', { field: 'username' });
  await assertDepartment(trx, input.department_id);
  assertDepartmentInScope(principal, input.department_id ?? null);
  const roleIds = await roleIdsGrantableBy(trx, runtime, principal, input.roles ?? []);
  const now = runtime.ctx.clock.now().toISOString();
  const row = newUserRow(
    {
      username: input.username.toLowerCase(),
      full_name: input.full_name,
      email: input.email,
      phone: input.phone ?? null,
      department_id: input.department_id ?? null,
      identity_level: input.identity_level ?? 'internal',
    },
    now,
  );
  // The new account, with its roles, must be one its creator could administer.
  await assertMayAdministerUser(trx, runtime, principal, row, roleIds);
  await insertUser(trx, row);
  await replaceUserRoles(trx, row.id, roleIds);
  await bumpAuthzVersion(trx);
  const after = { ...publicFields(row), roles: input.roles ?? [] };
  await recordIdentity(trx, actor, {
    action: identityEvents['user.created'],
    entityType: 'user',
    entityId: row.id,
    after,
  });
  await emitIdentityEvent(trx, runtime, 'user.created', row, { roles: input.roles ?? [] });
  const setup = await sendPasswordLink(trx, runtime, actor, row, 'welcome');
  return { row, setup };
}

/** The fields of a user worth an audit diff (never hashes). */
export function publicFields(row: UserRow): Record<string, unknown> {
  const { password_hash: _h, failed_attempts: _f, ...rest } = row;
  return rest;
}

export async function changeUser(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  before: UserRow,
  changes: ProfileChanges,
  options: { byAdministrator?: string | null } = {},
): Promise<UserRow> {
  await assertDepartment(trx, changes.department_id);
  const now = runtime.ctx.clock.now().toISOString();
  const after = { ...before, ...changes, updated_at: now };
  await updateUser(trx, before.id, { ...changes, updated_at: now });
  if (changes.department_id !== undefined) await bumpAuthzVersion(trx);
  if (changes.email !== undefined && changes.email !== before.email)
    await notifyAccountChange(trx, runtime, after, {
      change: 'email_changed',
      previousEmail: before.email,
      byAdministrator: options.byAdministrator ?? null,
    });
  await recordIdentity(trx, actor, {
    action: identityEvents['user.updated'],
    entityType: 'user',
    entityId: before.id,
    before: publicFields(before),
    after: publicFields(after),
  });
  return after;
}

/** Replaces a user's roles: never the caller's own, never beyond what the caller holds. */
export async function changeUserRoles(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
  roles: string[],
): Promise<UserRow> {
  const row = await userInScope(trx, dataScopeOf(principal), id);
  assertNotSelf(principal, row.id, 'roles');
  await assertMayAdministerUser(trx, runtime, principal, row);
  const before = (await roleCodesByUser(trx, [row.id])).get(row.id) ?? [];
  await roleIdsGrantableBy(
    trx,
    runtime,
    principal,
    before.filter((c) => !roles.includes(c)),
  );
  const roleIds = await roleIdsGrantableBy(trx, runtime, principal, roles);
  // The user as they would be afterwards must still be within the administrator's reach.
  await assertMayAdministerUser(trx, runtime, principal, row, roleIds);
  await replaceUserRoles(trx, row.id, roleIds);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['user.roles_changed'],
    entityType: 'user',
    entityId: row.id,
    before: { roles: before },
    after: { roles },
  });
  await emitIdentityEvent(trx, runtime, 'user.roles_changed', row, { roles, previous_roles: before });
  return row;
}

/**
 * An administrator edits a user's profile: within the caller's reach; a department only
 * someone else's and within the caller's scope; a new email only with a step-up proof
 * (reset links go there).
 */
export async function editUser(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: { id: string; changes: ProfileChanges; stepUpProof: string | undefined },
): Promise<UserRow> {
  const before = await userInScope(trx, dataScopeOf(principal), input.id);
  await assertMayAdministerUser(trx, runtime, principal, before);
  const { department_id: department, email } = input.changes;
  if (department !== undefined && department !== before.department_id) {
    assertNotSelf(principal, before.id, 'department');
    assertDepartmentInScope(principal, department);
  }
  if (email !== undefined && email !== before.email)
    await requireStepUpProof(trx, runtime.ctx, principal, input.stepUpProof);
  return changeUser(trx, runtime, actor, before, input.changes, { byAdministrator: principal.username });
}
