import type { Static } from '@sinclair/typebox';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { assertMayCreateRoleScope, assertMayEditRole } from '../identity.policy.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { type AuthzSnapshot, roleChain, rolePermissions } from './authz-snapshot.js';
import { assertHolds } from './grant-guard.js';
import { isDeclaredPermission } from './permission-catalogue.js';
import type { createRoleBody, roleView, updateRoleBody } from './roles.schemas.js';
import { bumpAuthzVersion, readAuthzVersion, snapshotAt } from './user-authz.js';

export function presentRole(
  snapshot: AuthzSnapshot,
  id: string,
  row: { name: string; description: string; is_system: number },
): Static<typeof roleView> {
  const node = snapshot.roles.get(id);
  if (!node) throw notFound('Role');
  return {
    id,
    code: node.code,
    name: row.name,
    description: row.description,
    parent: node.parentId ? (snapshot.roles.get(node.parentId)?.code ?? null) : null,
    data_scope: node.dataScope,
    department_ids: [...node.departments],
    mfa_required: node.mfaRequired,
    grant_rule: node.grantRule,
    is_system: row.is_system === 1,
    permissions: [...node.explicit].sort(),
    effective_permissions: [...rolePermissions(snapshot, id)].sort(),
  };
}

export async function currentSnapshot(db: DbOrTrx, runtime: IdentityRuntime) {
  return snapshotAt(runtime, await readAuthzVersion(db), db);
}

async function parentId(
  trx: Trx,
  runtime: IdentityRuntime,
  principal: Principal,
  code: string | null | undefined,
  selfId: string,
) {
  if (!code) return null;
  const snapshot = await currentSnapshot(trx, runtime);
  const parent = [...snapshot.roles.values()].find((r) => r.code === code);
  if (!parent) throw invalid('parent', `Unknown role ${code}`);
  if (roleChain(snapshot, parent.id).some((r) => r.id === selfId))
    throw invalid('parent', 'Role inheritance cannot form a cycle');
  assertHolds(principal, rolePermissions(snapshot, parent.id), `role ${code}`);
  return parent.id;
}

async function setDepartments(trx: Trx, roleId: string, scope: string, ids: string[] | undefined) {
  if (ids === undefined && scope === 'custom') return;
  await trx.deleteFrom('role_departments').where('role_id', '=', roleId).execute();
  if (scope !== 'custom' || !ids || ids.length === 0) return;
  const found = await trx.selectFrom('departments').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length) throw invalid('department_ids', 'Unknown department');
  await trx
    .insertInto('role_departments')
    .values(ids.map((department_id) => ({ role_id: roleId, department_id })))
    .execute();
}

export async function setPermissions(trx: Trx, principal: Principal, roleId: string, codes: string[]) {
  const unknown = codes.filter((c) => !isDeclaredPermission(c));
  if (unknown.length > 0) throw invalid('permissions', `Unknown permission ${unknown[0]}`);
  assertHolds(principal, codes, 'these permissions');
  await trx.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  if (codes.length > 0)
    await trx
      .insertInto('role_permissions')
      .values(codes.map((permission_code) => ({ role_id: roleId, permission_code })))
      .execute();
}

export async function createRole(
  trx: Trx,
  runtime: IdentityRuntime,
  actor: Actor,
  principal: Principal,
  input: Static<typeof createRoleBody>,
) {
  const exists = await trx.selectFrom('roles').select('id').where('code', '=', input.code).executeTakeFirst();
  if (exists) throw conflict('Role code already taken', { field: 'code' });
  assertMayCreateRoleScope(
    principal,
    await currentSnapshot(trx, runtime),
    input.data_scope,
    input.department_ids ?? [],
  );
  const id = newId();
  const now = runtime.ctx.clock.now().toISOString();
  await trx
    .insertInto('roles')
    .values({
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
    })
    .execute();
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
  runtime: IdentityRuntime,
  actor: Actor,
  principal: Principal,
  id: string,
  input: Static<typeof updateRoleBody>,
) {
  const before = await trx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Role');
  assertMayEditRole(principal, await currentSnapshot(trx, runtime), id, {
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
  await trx.updateTable('roles').set(changes).where('id', '=', id).execute();
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
  runtime: IdentityRuntime,
  actor: Actor,
  principal: Principal,
  id: string,
) {
  const before = await trx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Role');
  assertMayEditRole(principal, await currentSnapshot(trx, runtime), id, { isSystem: before.is_system === 1 });
  if (before.is_system === 1) throw conflict('Seeded roles cannot be deleted');
  const holder = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .where('role_id', '=', id)
    .executeTakeFirst();
  const child = await trx.selectFrom('roles').select('id').where('parent_id', '=', id).executeTakeFirst();
  if (holder || child) throw conflict('The role is still held by users or inherited by other roles');
  await trx.deleteFrom('role_permissions').where('role_id', '=', id).execute();
  await trx.deleteFrom('role_departments').where('role_id', '=', id).execute();
  await trx.deleteFrom('roles').where('id', '=', id).execute();
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['role.deleted'],
    entityType: 'role',
    entityId: id,
    before: { ...before },
  });
}
