import { sql } from 'kysely';
import { runCompiled } from '../../../platform/db/compiled-once.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';

/**
 * The counters behind the account lockout and the per-IP sign-in throttle. Each check is
 * one conditional statement that counts the attempt and decides in the same write, so a
 * burst of parallel requests cannot all pass a "still under the limit" read: an attempt is
 * counted (reserved) BEFORE its secret is evaluated, and given back when the secret was
 * right. Atomic on SQLite (one writer) and PostgreSQL (the row lock re-evaluates the WHERE).
 */

/** Counts one attempt on an account unless it is locked or out of attempts; true when counted. */
export async function reserveAccountAttempt(
  db: DbOrTrx,
  input: { userId: string; now: string; threshold: number },
): Promise<boolean> {
  const result = await reserveQuery(db, input.userId, input.threshold, input.now);
  return Number(result.numAffectedRows ?? 0) === 1;
}

// Run on every sign-in and every secret checked: compiled once (platform/db/compiled-once.ts).
const reserveQuery = (db: DbOrTrx, userId: string, threshold: number, now: string) =>
  runCompiled(
    db,
    'identity.attempt.reserve',
    (user, limit, at) =>
      db
        .updateTable('users')
        .set((eb) => ({
          failed_attempts: eb('failed_attempts', '+', 1),
          locked_until: null,
          row_version: eb('row_version', '+', 1),
        }))
        .where('id', '=', user as string)
        .where('failed_attempts', '<', limit as unknown as number)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at as string)])),
    [userId, threshold, now],
  );
const releaseQuery = (db: DbOrTrx, userId: string) =>
  runCompiled(
    db,
    'identity.attempt.release',
    (user) =>
      db
        .updateTable('users')
        .set((eb) => ({
          failed_attempts: eb('failed_attempts', '-', 1),
          row_version: eb('row_version', '+', 1),
        }))
        .where('id', '=', user as string)
        .where('failed_attempts', '>', 0),
    [userId],
  );

/** The secret was right: the reserved attempt is given back. */
export async function releaseAccountAttempt(db: DbOrTrx, userId: string): Promise<void> {
  await releaseQuery(db, userId);
}

/** The secret was wrong: the attempt stays counted; reaching the threshold locks the account. */
export async function settleAccountFailure(
  db: DbOrTrx,
  input: { userId: string; threshold: number; lockedUntil: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({
      failed_attempts: 0,
      locked_until: input.lockedUntil,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', input.userId)
    .where('failed_attempts', '>=', input.threshold)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Counts one sign-in attempt from `ip` unless the IP already has `max` in its window (a
 * window older than `windowStart` starts afresh); true when counted.
 */
export async function reserveIpAttempt(
  db: DbOrTrx,
  input: { ip: string; now: string; windowStart: string; max: number },
): Promise<boolean> {
  const expired = sql<boolean>`login_throttle.window_started_at <= ${input.windowStart}`;
  const result = await db
    .insertInto('login_throttle')
    .values({ ip: input.ip, window_started_at: input.now, attempts: 1 })
    .onConflict((oc) =>
      oc
        .column('ip')
        .doUpdateSet({
          attempts: sql`case when ${expired} then 1 else login_throttle.attempts + 1 end`,
          window_started_at: sql`case when ${expired} then ${input.now} else login_throttle.window_started_at end`,
        })
        .where(sql<boolean>`${expired} or login_throttle.attempts < ${input.max}`),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The attempt from `ip` succeeded: it is given back. */
export async function releaseIpAttempt(db: DbOrTrx, ip: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('ip', '=', ip)
    .where('attempts', '>', 0)
    .execute();
}

/** When the IP's current window started (to tell a throttled client when to retry). */
export async function ipWindowStart(db: DbOrTrx, ip: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('window_started_at')
    .where('ip', '=', ip)
    .executeTakeFirst();
  return row?.window_started_at ?? null;
}
