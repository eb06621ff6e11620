import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Actor as PlatformActor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/errors.js';
import { verifySecret } from '../auth/secret-verifier.service.js';
import type { IdentityDeps } from '../identity.deps.js';
import { issueStepUpProof } from '../mfa/step-up.service.js';
import { notifyAccountChange } from '../shared/account-notice.service.js';
import { type Actor, identityEvents, recordIdentity } from '../shared/identity-audit.js';
import { findUserById } from '../users/users.repository.js';
import { verifyPasskeyAssertion } from './passkey-assertion.service.js';
import {
  activePasskeysOf,
  findOwnPasskey,
  type PasskeyRow,
  renamePasskey,
  revokePasskey,
} from './passkeys.repository.js';

/** The signed-in user's own passkeys: list, rename, revoke, and step-up with one. */

export function listOwnPasskeys(trx: Trx, userId: string): Promise<PasskeyRow[]> {
  return activePasskeysOf(trx, userId);
}

async function ownActivePasskey(trx: Trx, userId: string, id: string): Promise<PasskeyRow> {
  const row = await findOwnPasskey(trx, userId, id);
  if (!row || row.revoked_at) throw new AppError('NOT_FOUND', 'No such passkey');
  return row;
}

export async function renameOwnPasskey(
  trx: Trx,
  actor: Actor,
  input: { userId: string; id: string; name: string },
): Promise<PasskeyRow> {
  const row = await ownActivePasskey(trx, input.userId, input.id);
  await renamePasskey(trx, row.id, input.name);
  await recordIdentity(trx, actor, {
    action: identityEvents['passkey.renamed'],
    entityType: 'user',
    entityId: input.userId,
    details: { passkey_id: row.id, from: row.name, to: input.name },
  });
  return { ...row, name: input.name };
}

/**
 * Revokes one of the caller's passkeys. Every assertion reads the passkey row, so the
 * revocation holds at once in every session and server process.
 */
export async function revokeOwnPasskey(
  trx: Trx,
  runtime: IdentityDeps,
  actor: Actor,
  input: { userId: string; id: string },
): Promise<PasskeyRow> {
  const row = await ownActivePasskey(trx, input.userId, input.id);
  const now = runtime.ctx.clock.now().toISOString();
  if (!(await revokePasskey(trx, row.id, now))) throw new AppError('NOT_FOUND', 'No such passkey');
  await recordIdentity(trx, actor, {
    action: identityEvents['passkey.revoked'],
    entityType: 'user',
    entityId: input.userId,
    details: { passkey_id: row.id, name: row.name },
  });
  const user = await findUserById(trx, input.userId);
  if (user) await notifyAccountChange(trx, runtime, user, { change: 'passkey_removed' });
  return { ...row, revoked_at: now };
}

/**
 * Step-up with a passkey (user verification required), optionally with the password too:
 * returns the same single-use proof as POST /auth/step-up, with factor `passkey` (and
 * `password`), so a passkey can stand for the second factor of a signature.
 */
export async function stepUpWithPasskey(
  runtime: IdentityDeps,
  actor: PlatformActor,
  input: {
    userId: string;
    sessionId: string;
    challengeId: string;
    response: AuthenticationResponseJSON;
    password?: string | undefined;
  },
) {
  const user = await findUserById(runtime.ctx.db, input.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Re-authentication failed');
  const factors: string[] = [];
  if (input.password !== undefined) {
    const verdict = await verifySecret(runtime, actor, {
      user,
      kind: 'password',
      secret: input.password,
      method: 'step_up:password',
    });
    if (!verdict.ok) throw new AppError('UNAUTHENTICATED', 'Re-authentication failed');
    factors.push('password');
  }
  await verifyPasskeyAssertion(runtime.ctx, {
    ...input,
    requireUserVerification: true,
    actor,
    method: 'step_up:passkey',
  });
  factors.push('passkey');
  return issueStepUpProof(
    runtime,
    actor,
    { userId: user.id, username: user.username, sessionId: input.sessionId },
    factors,
  );
}
