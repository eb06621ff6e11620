import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { declaredPermissions } from './permission-catalogue.js';
import {
  insertPermissionIfAbsent,
  insertRoleIfAbsent,
  insertRolePermissions,
  permissionCodesInDatabase,
  roleCodesInDatabase,
} from './roles.repository.js';
import { systemRoles } from './system-roles.js';

/**
 * Writes permissions declared in code but missing from the database, and the seed roles
 * if missing (requiring MFA unless MFA_REQUIRED_DEFAULT=false). Idempotent and race-safe
 * (insert … on conflict do nothing), so every process runs it when it starts (never while
 * answering a question); an administrator's later changes to a seed role are never undone.
 */
export async function syncCatalogue(
  db: DbOrTrx,
  now: string,
  options: { mfaRequired: boolean },
): Promise<void> {
  const declared = declaredPermissions();
  const existing = await permissionCodesInDatabase(db);
  for (const p of declared.filter((d) => !existing.has(d.code))) {
    await insertPermissionIfAbsent(db, { code: p.code, module: p.module, description: p.description }, now);
  }
  const roleCodes = await roleCodesInDatabase(db);
  const known = new Set(declared.map((d) => d.code));
  for (const role of systemRoles.filter((r) => !roleCodes.has(r.code))) {
    const id = newId();
    const inserted = await insertRoleIfAbsent(db, {
      id,
      code: role.code,
      name: role.name,
      description: role.description,
      parent_id: null,
      data_scope: role.dataScope,
      mfa_required: options.mfaRequired ? 1 : 0,
      grant_rule: role.grantRule,
      is_system: 1,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) continue;
    await insertRolePermissions(
      db,
      id,
      role.permissions.filter((c) => known.has(c)),
    );
  }
}
