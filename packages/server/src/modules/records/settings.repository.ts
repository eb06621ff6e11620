import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { RecordsPinHistoryTable, RecordsUserSettingsTable } from './records.tables.js';

/** All SQL of user signature settings (seed 002 User_Signature_Config) and the PIN history. */
export type SettingsRow = RecordsUserSettingsTable;

export function findSettings(db: DbOrTrx, userId: string): Promise<SettingsRow | undefined> {
  return db.selectFrom('records_user_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function insertSettings(trx: Trx, row: SettingsRow): Promise<void> {
  await trx.insertInto('records_user_settings').values(row).execute();
}

export async function updateSettings(
  trx: Trx,
  userId: string,
  changes: Partial<Omit<SettingsRow, 'id' | 'user_id' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('records_user_settings').set(changes).where('user_id', '=', userId).execute();
}

/**
 * Replaces a PIN hash by its upgraded form (same PIN, newer format or key), only while the
 * row still holds `from`: a PIN changed meanwhile is not overwritten. Not a PIN change, so
 * `last_changed_at` (the expiry clock) stays.
 */
export async function upgradePinHash(trx: Trx, input: { userId: string; from: string; to: string }) {
  await trx
    .updateTable('records_user_settings')
    .set({ pin_hash: input.to })
    .where('user_id', '=', input.userId)
    .where('pin_hash', '=', input.from)
    .execute();
}

export async function recentPinHashes(db: DbOrTrx, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('records_pin_history')
    .select('pin_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.pin_hash);
}

export async function insertPinHistory(trx: Trx, row: RecordsPinHistoryTable): Promise<void> {
  await trx.insertInto('records_pin_history').values(row).execute();
}

/** The signature settings of several users (the credential inventory's page). */
export function settingsOfUsers(db: DbOrTrx, userIds: string[]): Promise<SettingsRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('records_user_settings').selectAll().where('user_id', 'in', userIds).execute();
}
