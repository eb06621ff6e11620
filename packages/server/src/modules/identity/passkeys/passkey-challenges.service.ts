import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { identityErrors, identityRefusal } from '../identity.errors.js';
import { findSession } from '../sessions/session.repository.js';
import { plusMinutes } from '../shared/secrets.service.js';
import {
  claimPasskeyChallenge,
  deleteExpiredPasskeyChallenges,
  findPasskeyChallenge,
  insertPasskeyChallenge,
} from './passkeys.repository.js';

/** How long a registration or assertion challenge may be answered. */
export const passkeyChallengeMinutes = 5;

/**
 * The relying party SignX is, from configuration only (PUBLIC_URL): the RP id is its host
 * name and the one accepted origin its origin. The request's Host header never counts, so a
 * proxy or a forged header cannot make SignX accept assertions made for another site.
 */
export function relyingParty(ctx: AppContext): { rpId: string; origin: string; rpName: string } {
  const url = new URL(ctx.config.http.publicUrl);
  return { rpId: url.hostname, origin: url.origin, rpName: 'SignX' };
}

export type ChallengePurpose = 'registration' | 'authentication';

/** Stores a challenge for `userId` (and its session when there is one); returns its id. */
export async function storeChallenge(
  db: DbOrTrx,
  ctx: AppContext,
  input: { userId: string; sessionId: string | null; purpose: ChallengePurpose; challenge: string },
): Promise<{ id: string; expiresAt: string }> {
  const now = ctx.clock.now().toISOString();
  await deleteExpiredPasskeyChallenges(db, now);
  const id = newId();
  const expiresAt = plusMinutes(now, passkeyChallengeMinutes);
  await insertPasskeyChallenge(db, {
    id,
    user_id: input.userId,
    session_id: input.sessionId,
    purpose: input.purpose,
    challenge: input.challenge,
    created_at: now,
    expires_at: expiresAt,
    used_at: null,
  });
  return { id, expiresAt };
}

export const passkeyRefused = (message: string) => identityRefusal(identityErrors.PASSKEY_REFUSED, message);

/**
 * Uses up the challenge `id`: it must exist, serve `purpose`, belong to `userId` and to the
 * same session (none for both when there is no session yet), be unused and unexpired, and
 * its session must still be active. Returns the challenge text the response must sign.
 */
export async function consumeChallenge(
  db: DbOrTrx,
  ctx: AppContext,
  input: { id: string; userId: string; sessionId: string | null; purpose: ChallengePurpose },
): Promise<string> {
  const now = ctx.clock.now().toISOString();
  const row = await findPasskeyChallenge(db, input.id);
  if (!row || row.purpose !== input.purpose || row.user_id !== input.userId)
    throw passkeyRefused('The passkey challenge is not valid; start again');
  if (row.session_id !== input.sessionId)
    throw passkeyRefused('The passkey challenge belongs to another session');
  if (input.sessionId) {
    const session = await findSession(db, input.sessionId);
    if (!session || session.revoked_at) throw passkeyRefused('The session has ended');
  }
  if (!(await claimPasskeyChallenge(db, row.id, now)))
    throw passkeyRefused('The passkey challenge was already used or has expired; start again');
  return row.challenge;
}
