import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { plusMinutes } from '../shared/secrets.js';
import { type UserRow, updateUser } from '../users/users.repository.js';

/**
 * Counts a failed secret (password, second factor, step-up) toward the account lockout.
 * Failures only reset on a complete sign-in, so a known password cannot be used to
 * brute-force the second factor five guesses at a time.
 */
export async function countFailure(runtime: IdentityRuntime, trx: DbOrTrx, user: UserRow, now: string) {
  const fresh = await trx
    .selectFrom('users')
    .select('failed_attempts')
    .where('id', '=', user.id)
    .executeTakeFirst();
  const failures = (fresh?.failed_attempts ?? 0) + 1;
  const locks = failures >= runtime.settings.lockoutThreshold;
  await updateUser(trx, user.id, {
    failed_attempts: locks ? 0 : failures,
    ...(locks ? { locked_until: plusMinutes(now, runtime.settings.lockoutMinutes) } : {}),
  });
}
