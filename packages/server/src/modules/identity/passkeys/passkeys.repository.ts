import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { PasskeyChallengesTable, PasskeysTable } from '../identity.tables.js';

/** All SQL on `identity_passkeys` and `identity_passkey_challenges`. */

export type PasskeyRow = PasskeysTable;

export async function insertPasskey(db: DbOrTrx, row: PasskeysTable): Promise<void> {
  await db.insertInto('identity_passkeys').values(row).execute();
}

export function findPasskeyByCredentialId(db: DbOrTrx, credentialId: string) {
  return db
    .selectFrom('identity_passkeys')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

export function findOwnPasskey(db: DbOrTrx, userId: string, id: string) {
  return db
    .selectFrom('identity_passkeys')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The user's passkeys that still work, oldest first. */
export function activePasskeysOf(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('identity_passkeys')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function renamePasskey(db: DbOrTrx, id: string, name: string): Promise<void> {
  await db.updateTable('identity_passkeys').set({ name }).where('id', '=', id).execute();
}

/** Revokes a passkey; false when it was already revoked (or is not there). */
export async function revokePasskey(db: DbOrTrx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('identity_passkeys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Stores the new counter only when it moved forward from the value this request read
 * (or both are 0: authenticators without a counter); false when a parallel assertion won.
 */
export async function advancePasskeyCounter(
  db: DbOrTrx,
  input: { id: string; from: number; to: number; backedUp: boolean; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('identity_passkeys')
    .set({ counter: input.to, last_used_at: input.now, backed_up: input.backedUp ? 1 : 0 })
    .where('id', '=', input.id)
    .where('counter', '=', input.from)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPasskeyChallenge(db: DbOrTrx, row: PasskeyChallengesTable): Promise<void> {
  await db.insertInto('identity_passkey_challenges').values(row).execute();
}

export function findPasskeyChallenge(db: DbOrTrx, id: string) {
  return db.selectFrom('identity_passkey_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a challenge used; true only for the one caller that did (a challenge works once). */
export async function claimPasskeyChallenge(db: DbOrTrx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('identity_passkey_challenges')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes challenges that expired before `now` (used or not). */
export async function deleteExpiredPasskeyChallenges(db: DbOrTrx, now: string): Promise<void> {
  await db.deleteFrom('identity_passkey_challenges').where('expires_at', '<=', now).execute();
}
