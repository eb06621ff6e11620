import type { Actor } from '../../platform/actor.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { activeUsersWithRole, usersByIds } from '../identity/index.js';
import type { SealsDeps } from './seals.deps.js';
import { matchingAuthorisation } from './seals.policy.js';
import * as repo from './seals.repository.js';

/** A seal the caller may apply now, with the authorisation that allows it. */
export interface UsableSeal {
  seal: repo.SealRow;
  authorisation: repo.AuthorisationRow;
}

/**
 * The active seals the actor may use now (directly, by role or by department, inside the
 * validity window, for the category when one is given): what the sender's page offers. The
 * same rule as applying (`matchingAuthorisation`), so a seal listed here is not refused for
 * authorisation later (approval, when required, still is).
 */
export async function usableSeals(
  db: DbOrTrx,
  deps: SealsDeps,
  actor: Actor,
  category?: string,
): Promise<UsableSeal[]> {
  if (!actor.userId) return [];
  const userId = actor.userId;
  const auths = await repo.liveAuthorisationsOfActiveSeals(db);
  const roles = new Set<string>();
  for (const code of new Set(auths.filter((a) => a.subject_type === 'role').map((a) => a.subject_id)))
    if ((await activeUsersWithRole(db, code)).includes(userId)) roles.add(code);
  const user = (await usersByIds(db, [userId])).get(userId);
  const who = {
    userId,
    departmentId: user?.department_id ?? null,
    roles,
    now: deps.clock.now().toISOString(),
    ...(category === undefined ? {} : { category }),
  };
  const bySeal = new Map<string, repo.AuthorisationRow[]>();
  for (const a of auths) bySeal.set(a.seal_id, [...(bySeal.get(a.seal_id) ?? []), a]);
  const usable: UsableSeal[] = [];
  for (const [sealId, list] of bySeal) {
    const authorisation = matchingAuthorisation(list, who);
    const seal = authorisation && (await repo.findSeal(db, sealId));
    if (authorisation && seal) usable.push({ seal, authorisation });
  }
  return usable.sort((a, b) => a.seal.name.localeCompare(b.seal.name));
}
