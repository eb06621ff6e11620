import type { DbOrTrx } from '../../../platform/db/schema.js';
import { departmentLinks, departmentOfUser } from './departments.repository.js';

/**
 * "The department head N levels up" for the approval engine. Level 1 is the head of the
 * user's own department, level 2 the head of its parent, and so on. A user never approves
 * for themselves: where the head at a level is the user, the walk continues one level up.
 * Returns null when the tree ends first or a department on the way has no head.
 */
export async function departmentHeadAbove(
  db: DbOrTrx,
  input: { userId: string; levels: number },
): Promise<{ userId: string; departmentId: string } | null> {
  if (!Number.isInteger(input.levels) || input.levels < 1)
    throw new Error('levels must be a positive integer');
  let departmentId = await departmentOfUser(db, input.userId);
  let remaining = input.levels;
  for (let guard = 0; departmentId && guard < 64; guard += 1) {
    const department = await departmentLinks(db, departmentId);
    if (!department) return null;
    const isSelf = department.head_user_id === input.userId;
    if (!isSelf) remaining -= 1;
    if (remaining === 0)
      return department.head_user_id
        ? { userId: department.head_user_id, departmentId: department.id }
        : null;
    departmentId = department.parent_id;
  }
  return null;
}
