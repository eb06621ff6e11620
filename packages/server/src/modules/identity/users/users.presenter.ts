import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { principalOf } from '../../../platform/http/access.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { phoneFor } from '../shared/masking.js';
import type { ListedUser } from './user-list.query.js';
import { roleCodesByUser } from './users.repository.js';
import type { userView } from './users.schemas.js';

/** A user as the API shows it: no hashes, phone masked unless the viewer may see it. */
export function presentUser(
  row: ListedUser,
  roles: string[],
  viewerPermissions: ReadonlySet<string>,
): Static<typeof userView> {
  return {
    id: row.id,
    username: row.username,
    full_name: row.full_name,
    email: row.email,
    phone: phoneFor(row.phone, viewerPermissions),
    department_id: row.department_id,
    status: row.status,
    identity_level: row.identity_level,
    roles,
    locked_until: row.locked_until,
    must_change_password: row.must_change_password === 1,
    last_login_at: row.last_login_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    disabled_at: row.disabled_at,
  };
}

/** A user as the caller may see it (phone masked without user.phone.view). */
export async function presentFor(
  runtime: IdentityRuntime,
  request: FastifyRequest,
  row: ListedUser,
  db: DbOrTrx = runtime.ctx.db,
) {
  const roles = (await roleCodesByUser(db, [row.id])).get(row.id) ?? [];
  return presentUser(row, roles, principalOf(request).permissions);
}
