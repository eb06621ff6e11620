import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';

/** A single-use secret to store: only its hash is kept, never the code or token itself. */
export interface NewOneTimeCode {
  userId: string;
  purpose: string;
  codeHash: string;
  /** What the code is bound to (a challenge, a session, a reset reason), or null. */
  subject: string | null;
  now: string;
  expiresAt: string;
}

/** Stores a fresh, unused code with no failed attempts yet. */
export async function insertOneTimeCode(trx: Trx, code: NewOneTimeCode): Promise<void> {
  await trx
    .insertInto('one_time_codes')
    .values({
      id: newId(),
      user_id: code.userId,
      purpose: code.purpose,
      code_hash: code.codeHash,
      subject: code.subject,
      attempts: 0,
      created_at: code.now,
      expires_at: code.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Stores a code that replaces the user's unused codes of the same purpose (they are marked
 * used), so only the newest mail works: emailed MFA codes and password links.
 */
export async function replaceOneTimeCode(trx: Trx, code: NewOneTimeCode): Promise<void> {
  await trx
    .updateTable('one_time_codes')
    .set({ used_at: code.now })
    .where('user_id', '=', code.userId)
    .where('purpose', '=', code.purpose)
    .where('used_at', 'is', null)
    .execute();
  await insertOneTimeCode(trx, code);
}

/**
 * Marks a code used if it still is unused; true only for the one caller that did, so two
 * concurrent submissions of the same code cannot both succeed.
 */
export async function claimOneTimeCode(trx: Trx, id: string, now: string): Promise<boolean> {
  const used = await trx
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Counts one wrong guess against a code (its purpose's limit then refuses it). */
export async function countCodeAttempt(trx: Trx, code: { id: string; attempts: number }): Promise<void> {
  await trx
    .updateTable('one_time_codes')
    .set({ attempts: code.attempts + 1 })
    .where('id', '=', code.id)
    .execute();
}

/** The newest open code for one purpose and subject (unused, unexpired). */
export function latestOpenCode(
  trx: Trx,
  input: { userId: string; purpose: string; subject: string },
  now: string,
) {
  return trx
    .selectFrom('one_time_codes')
    .selectAll()
    .where('user_id', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('subject', '=', input.subject)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The code with this hash and purpose (token-like codes such as a login challenge). */
export function codeByHash(trx: Trx, hash: string, purpose: string) {
  return trx
    .selectFrom('one_time_codes')
    .selectAll()
    .where('code_hash', '=', hash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** An unused code for `purpose` created after `since` (a link sent moments ago). */
export function recentOpenCode(trx: Trx, userId: string, purpose: string, since: string) {
  return trx
    .selectFrom('one_time_codes')
    .select('expires_at')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('created_at', '>', since)
    .executeTakeFirst();
}
