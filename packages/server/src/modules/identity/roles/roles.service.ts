import type { Static } from '@sinclair/typebox';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertHolds, assertMayCreateRoleScope, assertMayEditRole } from '../identity.policy.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { roleChain, rolePermissions } from './authz-snapshot.js';

import { isDeclaredPermission } from './permission-catalogue.js';
import { presentRole } from './roles.presenter.js';
import {
  bumpAuthzVersion,
  clearRoleDepartments,
  countDepartments,
  deleteRoleRows,
  findRole,
  findRoleIdByCode,
  insertRole,
  insertRoleDepartments,
  listRoleRows,
  replaceRolePermissions,
  roleDisplayRow,
  roleInUse,
  rolePermissionCodes,
  updateRoleRow,
} from './roles.repository.js';
import type { createRoleBody, updateRoleBody } from './roles.schemas.js';
import { currentSnapshot } from './user-authz.service.js';

/** One role as the API shows it (404 when it does not exist). */
export async function showRole(db: DbOrTrx, runtime: IdentityDeps, id: string) {
  const row = await roleDisplayRow(db, id);
  if (!row) throw notFound('Role');
  return presentRole(await currentSnapshot(runtime, db), id, row);
}

/** Every role, in code order, as the API shows them. */
export async function listRoles(db: DbOrTrx, runtime: IdentityDeps) {
  const rows = await listRoleRows(db);
  const snapshot = await currentSnapshot(runtime, db);
  return rows.map((row) => presentRole(snapshot, row.id, row));
}

async function parentId(
  trx: Trx,
  runtime: IdentityDeps,
  principal: Principal,
  code: string | null | undefined,
  selfId: string,
) {
  if (!code) return null;
  const snapshot = await currentSnapshot(runtime, trx);
  const parent = [...snapshot.roles.values()].find((r) => r.code === code);
  if (!parent) throw invalid('parent', `Unknown role ${code}`);
  if (roleChain(snapshot, parent.id).some((r) => r.id === selfId))
    throw invalid('parent', 'Role inheritance cannot form a cycle');
  assertHolds(principal, rolePermissions(snapshot, parent.id), `role ${code}`);
  return parent.id;
}

async function setDepartments(trx: Trx, roleId: string, scope: string, ids: string[] | undefined) {
  if (ids === undefined && scope === 'custom') return;
  await clearRoleDepartments(trx, roleId);
  if (scope !== 'custom' || !ids || ids.length === 0) return;
  if ((await countDepartments(trx, ids)) !== ids.length)
    throw invalid('department_ids', 'Unknown department');
  await insertRoleDepartments(trx, roleId, ids);
}

async function setPermissions(trx: Trx, principal: Principal, roleId: string, codes: string[]) {
  const unknown = codes.filter((c) => !isDeclaredPermission(c));
  if (unknown.length > 0) throw invalid('permissions', `Unknown permission ${unknown[0]}`);
  assertHolds(principal, codes, 'these permissions');
  await replaceRolePermissions(trx, roleId, codes);
}

export async function createRole(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: Static<typeof createRoleBody>,
) {
  if (await findRoleIdByCode(trx, input.code)) throw conflict('Role code already taken', { field: 'code' });
  assertMayCreateRoleScope(
    principal,
    await currentSnapshot(runtime, trx),
    input.data_scope,
    input.department_ids ?? [],
  );
  const id = newId();
  const now = runtime.ctx.clock.now().toISOString();
  await insertRole(trx, {
    id,
    code: input.code,
    name: input.name,
    description: input.description ?? '',
    parent_id: await parentId(trx, runtime, principal, input.parent, id),
    data_scope: input.data_scope,
    mfa_required: input.mfa_required ? 1 : 0,
    grant_rule: 'none',
    is_system: 0,
    created_at: now,
    updated_at: now,
  });
  await setDepartments(trx, id, input.data_scope, input.department_ids ?? []);
  await setPermissions(trx, principal, id, input.permissions ?? []);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['role.created'],
    entityType: 'role',
    entityId: id,
    after: { ...input },
  });
  return id;
}

export async function updateRole(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
  input: Static<typeof updateRoleBody>,
) {
  const before = await findRole(trx, id);
  if (!before) throw notFound('Role');
  assertMayEditRole(principal, await currentSnapshot(runtime, trx), id, {
    ...(input.data_scope !== undefined ? { dataScope: input.data_scope } : {}),
    ...(input.department_ids !== undefined ? { departmentIds: input.department_ids } : {}),
    ...(input.mfa_required !== undefined ? { mfaRequired: input.mfa_required } : {}),
    isSystem: before.is_system === 1,
  });
  const scope = input.data_scope ?? before.data_scope;
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.parent !== undefined
      ? { parent_id: await parentId(trx, runtime, principal, input.parent, id) }
      : {}),
    ...(input.mfa_required !== undefined ? { mfa_required: input.mfa_required ? 1 : 0 } : {}),
    data_scope: scope,
    updated_at: runtime.ctx.clock.now().toISOString(),
  };
  await updateRoleRow(trx, id, changes);
  await setDepartments(trx, id, scope, input.department_ids);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['role.updated'],
    entityType: 'role',
    entityId: id,
    before: { ...before },
    after: { ...before, ...changes },
  });
}

export async function deleteRole(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
) {
  const before = await findRole(trx, id);
  if (!before) throw notFound('Role');
  assertMayEditRole(principal, await currentSnapshot(runtime, trx), id, { isSystem: before.is_system === 1 });
  if (before.is_system === 1) throw conflict('Seeded roles cannot be deleted');
  if (await roleInUse(trx, id)) throw conflict('The role is still held by users or inherited by other roles');
  await deleteRoleRows(trx, id);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['role.deleted'],
    entityType: 'role',
    entityId: id,
    before: { ...before },
  });
}

/** Replaces a role's own permissions (the caller must hold each, and may edit the role). */
export async function replacePermissions(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  id: string,
  codes: string[],
) {
  const role = await findRole(trx, id);
  if (!role) throw notFound('Role');
  const before = await rolePermissionCodes(trx, role.id);
  assertMayEditRole(principal, await currentSnapshot(runtime, trx), role.id, {
    isSystem: role.is_system === 1,
  });
  await setPermissions(trx, principal, role.id, codes);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['role.permissions_changed'],
    entityType: 'role',
    entityId: role.id,
    before: { permissions: before.sort() },
    after: { permissions: [...codes].sort() },
  });
}
