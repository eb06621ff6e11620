import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationRateWindowsTable } from '../notifications.tables.js';

/** SQL of the shared rate windows (one row per robot or provider). */
export type RateRow = NotificationRateWindowsTable;

export async function findRate(db: DbOrTrx, key: string): Promise<RateRow | undefined> {
  return db.selectFrom('notification_rate_windows').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertRate(trx: Trx, row: RateRow): Promise<void> {
  await trx.insertInto('notification_rate_windows').values(row).execute();
}

/** Compare-and-set on the version, so two processes never both take the last slot. */
export async function updateRate(trx: Trx, row: RateRow, expected: number): Promise<boolean> {
  const result = await trx
    .updateTable('notification_rate_windows')
    .set({ stamps: row.stamps, blocked_until: row.blocked_until, version: row.version })
    .where('key', '=', row.key)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
