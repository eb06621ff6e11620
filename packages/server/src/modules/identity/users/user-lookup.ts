import type { DbOrTrx } from '../../../platform/db/schema.js';
import { recipientUsersByRoleCodes } from './recipients.repository.js';
import { userSummariesByIds } from './users.repository.js';

/** What other modules may know about a user: enough to show and resolve, never secrets. */
export interface UserSummary {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  department_id: string | null;
  status: string;
}

/** Resolves user ids (including disabled users: history stays resolvable). */
export async function usersByIds(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, UserSummary>> {
  const result = new Map<string, UserSummary>();
  if (ids.length === 0) return result;
  const rows = await userSummariesByIds(db, ids);
  for (const row of rows) result.set(row.id, row);
  return result;
}

/**
 * The active users holding a role, by role code, in id order (the approval engine's
 * "role" approver rule and its "to the administrator" fallback).
 */
export async function activeUsersWithRole(db: DbOrTrx, roleCode: string): Promise<string[]> {
  const rows = await recipientUsersByRoleCodes(db, [roleCode]);
  return [...new Set(rows.filter((row) => row.status === 'active').map((row) => row.id))].sort();
}
