import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { bumpAuthzVersion } from '../roles/roles.repository.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import {
  type DepartmentRow,
  deleteDepartmentRow,
  departmentInUse,
  departmentsByPath,
  findDepartment,
  insertDepartment,
  movePaths,
  updateDepartmentRow,
  userExists,
} from './departments.repository.js';

export type { DepartmentRow } from './departments.repository.js';

export async function listDepartments(db: DbOrTrx): Promise<DepartmentRow[]> {
  return departmentsByPath(db);
}

export async function getDepartment(db: DbOrTrx, id: string): Promise<DepartmentRow> {
  const row = await findDepartment(db, id);
  if (!row) throw notFound('Department');
  return row;
}

async function assertHead(db: DbOrTrx, userId: string | null | undefined) {
  if (!userId) return;
  if (!(await userExists(db, userId))) throw invalid('head_user_id', 'No such user');
}

async function parentPath(db: DbOrTrx, parentId: string | null | undefined): Promise<string> {
  if (!parentId) return '/';
  const parent = await findDepartment(db, parentId);
  if (!parent) throw invalid('parent_id', 'No such parent department');
  return parent.path;
}

export async function createDepartment(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { name: string; parent_id?: string | null | undefined; head_user_id?: string | null | undefined },
): Promise<DepartmentRow> {
  await assertHead(trx, input.head_user_id);
  const id = newId();
  const now = runtime.ctx.clock.now().toISOString();
  const row: DepartmentRow = {
    id,
    name: input.name,
    parent_id: input.parent_id ?? null,
    path: `${await parentPath(trx, input.parent_id)}${id}/`,
    head_user_id: input.head_user_id ?? null,
    created_at: now,
    updated_at: now,
  };
  await insertDepartment(trx, row);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['department.created'],
    entityType: 'department',
    entityId: id,
    after: { ...row },
  });
  return row;
}

/** Renames, re-parents (moving the whole subtree) or sets the head; refuses cycles. */
export async function updateDepartment(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  id: string,
  changes: {
    name?: string | undefined;
    parent_id?: string | null | undefined;
    head_user_id?: string | null | undefined;
  },
): Promise<DepartmentRow> {
  const before = await getDepartment(trx, id);
  await assertHead(trx, changes.head_user_id);
  const now = runtime.ctx.clock.now().toISOString();
  let path = before.path;
  if (changes.parent_id !== undefined && changes.parent_id !== before.parent_id) {
    const base = await parentPath(trx, changes.parent_id);
    if (base.startsWith(before.path)) throw invalid('parent_id', 'A department cannot move under itself');
    path = `${base}${id}/`;
    await movePaths(trx, before.path, path);
  }
  const after = { ...before, ...changes, path, updated_at: now };
  await updateDepartmentRow(trx, id, {
    name: after.name,
    parent_id: after.parent_id,
    head_user_id: after.head_user_id,
    updated_at: now,
  });
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['department.updated'],
    entityType: 'department',
    entityId: id,
    before: { ...before },
    after: { ...after },
  });
  return after;
}

/** Only an empty department (no children, no users, no role refers to it) can be deleted. */
export async function deleteDepartment(trx: Trx, actor: Actor, id: string): Promise<void> {
  const before = await getDepartment(trx, id);
  if (await departmentInUse(trx, id))
    throw conflict('The department still has sub-departments, users or role scopes');
  await deleteDepartmentRow(trx, id);
  await bumpAuthzVersion(trx);
  await recordIdentity(trx, actor, {
    action: identityEvents['department.deleted'],
    entityType: 'department',
    entityId: id,
    before: { ...before },
  });
}
