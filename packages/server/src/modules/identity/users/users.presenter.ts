import type { Static } from '@sinclair/typebox';
import { phoneFor } from '../shared/masking.js';
import type { ListedUser } from './users.repository.js';
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
