import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { declaredPermissions } from './permission-catalogue.js';
import { systemRoles } from './system-roles.js';

/**
 * Writes permissions declared in code but missing from the database, and the seed roles
 * if missing (requiring MFA unless MFA_REQUIRED_DEFAULT=false). Idempotent and race-safe (insert … on conflict do nothing), so every process
 * may run it on start; an administrator's later changes to a seed role are never undone.
 */
export async function syncCatalogue(
  db: DbOrTrx,
  now: string,
  options: { mfaRequired: boolean },
): Promise<void> {
  const declared = declaredPermissions();
  const existing = new Set(
    (await db.selectFrom('permissions').select('code').execute()).map((row) => row.code),
  );
  for (const p of declared.filter((d) => !existing.has(d.code))) {
    await db
      .insertInto('permissions')
      .values({ code: p.code, module: p.module, description: p.description, created_at: now })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  const roleCodes = new Set((await db.selectFrom('roles').select('code').execute()).map((r) => r.code));
  const known = new Set(declared.map((d) => d.code));
  for (const role of systemRoles.filter((r) => !roleCodes.has(r.code))) {
    const id = newId();
    const inserted = await db
      .insertInto('roles')
      .values({
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
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const codes = role.permissions.filter((c) => known.has(c));
    if (codes.length > 0)
      await db
        .insertInto('role_permissions')
        .values(codes.map((permission_code) => ({ role_id: id, permission_code })))
        .execute();
  }
}
