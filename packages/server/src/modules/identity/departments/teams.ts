import type { DbOrTrx } from '../../../platform/db/schema.js';
import { loadSnapshot, rolePermissions } from '../roles/authz-snapshot.js';
import { readAuthzVersion } from '../roles/roles.repository.js';
import { activeMemberRoles, departmentsOfMember, findDepartment } from './departments.repository.js';

/**
 * Departments as teams for modules that let a team own something (webhook endpoints,
 * callback credentials): a user's teams are its own department and those it heads; a
 * team's owners are its head, its admins the active members holding a given permission.
 */
export interface Team {
  id: string;
  name: string;
}

export function teamsOfUser(db: DbOrTrx, userId: string): Promise<Team[]> {
  return departmentsOfMember(db, userId);
}

export async function teamById(db: DbOrTrx, id: string): Promise<Team | null> {
  const row = await findDepartment(db, id);
  return row ? { id: row.id, name: row.name } : null;
}

/** The head (if any) and every active member whose roles grant `permission`, sorted, once each. */
export async function teamAdmins(db: DbOrTrx, teamId: string, permission: string): Promise<string[]> {
  const team = await findDepartment(db, teamId);
  if (!team) return [];
  const snapshot = await loadSnapshot(db, await readAuthzVersion(db));
  const granted = new Map<string, boolean>();
  const grants = (roleId: string) => {
    if (!granted.has(roleId)) granted.set(roleId, rolePermissions(snapshot, roleId).has(permission));
    return granted.get(roleId) === true;
  };
  const result = new Set<string>(team.head_user_id ? [team.head_user_id] : []);
  for (const row of await activeMemberRoles(db, teamId)) {
    if (row.role_id && grants(row.role_id)) result.add(row.user_id);
  }
  return [...result].sort();
}
