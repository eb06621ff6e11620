import { randomInt } from 'node:crypto';
import type { Trx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/errors.js';
import type { IdentityDeps } from './identity.deps.js';
import { passwordPolicyOf, storePassword } from './passwords/password.service.js';
import { passwordProblems } from './passwords/password-policy.js';
import { bumpAuthzVersion, findRoleIdByCode } from './roles/roles.repository.js';
import { ensureCatalogue } from './roles/user-authz.service.js';
import { identityEvents, recordIdentity } from './shared/identity-audit.js';
import { findUserByUsername, insertUser, newUserRow, replaceUserRoles } from './users/users.repository.js';

const alphabet = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digit: '23456789',
  special: '!#%+-=?@^_',
};

/** A generated one-time password: 20 characters (~115 bits) covering every policy class. */
function generatePassword(length = 20): string {
  const all = Object.values(alphabet).join('');
  const chars = Object.values(alphabet).map((set) => set[randomInt(set.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * Creates a super administrator with a generated password that must be changed at first
 * sign-in. The password is returned to the caller (printed once), never logged or stored.
 */
export async function createAdministrator(
  runtime: IdentityDeps,
  input: { username: string; fullName: string; email: string | null; actor: string },
): Promise<{ userId: string; password: string }> {
  await ensureCatalogue(runtime);
  return inTransaction(runtime.ctx.db, async (trx: Trx) => {
    if (await findUserByUsername(trx, input.username))
      throw conflict(`User ${input.username} already exists`);
    const roleId = await findRoleIdByCode(trx, 'super_admin');
    if (!roleId) throw new Error('The seed role super_admin is missing');
    const now = runtime.ctx.clock.now().toISOString();
    const user = newUserRow(
      {
        username: input.username.toLowerCase(),
        full_name: input.fullName,
        email: input.email,
        phone: null,
        department_id: null,
        identity_level: 'internal',
      },
      now,
    );
    await insertUser(trx, user);
    await replaceUserRoles(trx, user.id, [roleId]);
    let password = generatePassword();
    const policy = passwordPolicyOf(runtime);
    const context = { username: user.username, fullName: user.full_name, email: user.email };
    while (passwordProblems(password, policy, context).length > 0) password = generatePassword();
    await storePassword(trx, runtime, user, password, { mustChange: true, field: 'password' });
    await bumpAuthzVersion(trx);
    await recordIdentity(trx, input.actor, {
      action: identityEvents['user.created'],
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, full_name: user.full_name, roles: ['super_admin'] },
      details: { first_administrator: input.actor === 'first-start' },
    });
    return { userId: user.id, password };
  });
}
