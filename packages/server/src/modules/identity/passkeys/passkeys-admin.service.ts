import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { IdentityDeps } from '../identity.deps.js';
import { assertMayAdministerUser } from '../identity.policy.js';
import { requireStepUpProof } from '../mfa/step-up-proof.service.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { userInScope } from '../users/users.service.js';
import { activePasskeysOf, findOwnPasskey, type PasskeyRow, revokePasskey } from './passkeys.repository.js';

/**
 * A lost device (§11.300(c)): an administrator lists another user's passkeys and revokes
 * one at once. Every assertion reads the passkey row, so a revoked passkey is refused in
 * every session and process from the next ceremony on.
 */
export async function passkeysOfUser(
  db: DbOrTrx,
  principal: Principal,
  userId: string,
): Promise<PasskeyRow[]> {
  const user = await userInScope(db, dataScopeOf(principal), userId);
  return activePasskeysOf(db, user.id);
}

export async function revokeUserPasskey(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  principal: Principal,
  input: { userId: string; passkeyId: string; stepUpProof: string | undefined },
): Promise<PasskeyRow> {
  const user = await userInScope(trx, dataScopeOf(principal), input.userId);
  await assertMayAdministerUser(trx, runtime, principal, user);
  await requireStepUpProof(trx, runtime.ctx, principal, input.stepUpProof);
  const row = await findOwnPasskey(trx, user.id, input.passkeyId);
  const now = runtime.ctx.clock.now().toISOString();
  if (!row || row.revoked_at || !(await revokePasskey(trx, row.id, now)))
    throw new AppError('NOT_FOUND', 'No such passkey');
  await recordIdentity(trx, actor, {
    action: identityEvents['passkey.revoked'],
    entityType: 'user',
    entityId: user.id,
    details: { passkey_id: row.id, name: row.name, by_administrator: true },
  });
  await notifyAccountChange(trx, runtime, user, {
    change: 'passkey_removed',
    byAdministrator: principal.username,
  });
  return { ...row, revoked_at: now };
}
