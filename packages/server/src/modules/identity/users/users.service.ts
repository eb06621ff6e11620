import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { assertDepartmentInScope, assertMayAdministerUser } from '../identity.policy.js';
import { sendPasswordLink } from '../passwords/password-reset.service.js';
import { applyDataScope, type DataScope } from '../roles/data-scope.js';
import { roleIdsGrantableBy } from '../roles/grant-guard.js';
import { bumpAuthzVersion } from '../roles/user-authz.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import {
  findUserByUsername,
  insertUser,
  newUserRow,
  replaceUserRoles,
  type UserRow,
  updateUser,
} from './users.repository.js';

const userColumns = { owner: 'users.id', department: 'users.department_id' };
/** One user inside the caller's scope; outside it the user does not exist (404). */
export async function userInScope(db: DbOrTrx, scope: DataScope, id: string): Promise<UserRow> {
  const row = await applyDataScope(db.selectFrom('users').selectAll('users'), scope, userColumns)
    .where('users.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return row;
}

async function assertDepartment(db: DbOrTrx, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!found) throw invalid('department_id', 'No such department');
}

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
  runtime: IdentityRuntime,
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
  runtime: IdentityRuntime,
  actor: Actor,
  before: UserRow,
  changes: Partial<Pick<UserRow, 'full_name' | 'email' | 'phone' | 'department_id' | 'identity_level'>>,
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
