import { runCompiled } from '../../../platform/db/compiled-once.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { TotpFactorsTable } from '../identity.tables.js';

export async function findTotpFactor(db: DbOrTrx, userId: string): Promise<TotpFactorsTable | undefined> {
  return (await totpFactorQuery(db, userId)).rows[0];
}

// Both run on every TOTP check: compiled once (platform/db/compiled-once.ts).
const totpFactorQuery = (db: DbOrTrx, userId: string) =>
  runCompiled(
    db,
    'identity.totp.factor',
    (user) =>
      db
        .selectFrom('totp_factors')
        .selectAll()
        .where('user_id', '=', user as string),
    [userId],
  );
const advanceStepQuery = (db: DbOrTrx, userId: string, step: number) =>
  runCompiled(
    db,
    'identity.totp.advance',
    (user, next, below) =>
      db
        .updateTable('totp_factors')
        .set({ last_step: next as unknown as number })
        .where('user_id', '=', user as string)
        .where('last_step', '<', below as unknown as number),
    [userId, step, step],
  );

/** Replaces any factor of the user (an unconfirmed one from an abandoned binding) with `row`. */
export async function replaceTotpFactor(db: DbOrTrx, row: TotpFactorsTable): Promise<void> {
  await db.deleteFrom('totp_factors').where('user_id', '=', row.user_id).execute();
  await db.insertInto('totp_factors').values(row).execute();
}

/** Records `step` as the last accepted one, only if newer: false when another request won. */
export async function advanceTotpStep(db: DbOrTrx, userId: string, step: number): Promise<boolean> {
  const updated = await advanceStepQuery(db, userId, step);
  return Number(updated.numAffectedRows ?? 0) === 1;
}

export async function confirmTotpFactor(db: DbOrTrx, userId: string, now: string): Promise<void> {
  await db.updateTable('totp_factors').set({ confirmed_at: now }).where('user_id', '=', userId).execute();
}

/** Removes the factor and the recovery codes; whether there was a factor. */
export async function deleteTotp(db: DbOrTrx, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('totp_factors').where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  return Number(result.numDeletedRows) > 0;
}

export async function replaceRecoveryCodeHashes(
  db: DbOrTrx,
  userId: string,
  rows: { id: string; code_hash: string }[],
  now: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null, created_at: now })))
    .execute();
}

/** Marks an unused recovery code used; false when there is none with that hash. */
export async function useRecoveryCodeHash(
  db: DbOrTrx,
  userId: string,
  hash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
