import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationDigestsTable } from '../notifications.tables.js';
import type { DeliveryRow } from './deliveries.repository.js';

/** SQL of digests: one row per key and window, and the held deliveries they merge. */
export type DigestRow = NotificationDigestsTable;

export async function findDigest(db: DbOrTrx, key: string, window: string): Promise<DigestRow | undefined> {
  return db
    .selectFrom('notification_digests')
    .selectAll()
    .where('digest_key', '=', key)
    .where('window_start', '=', window)
    .executeTakeFirst();
}

export async function insertDigest(trx: Trx, row: DigestRow): Promise<void> {
  await trx.insertInto('notification_digests').values(row).execute();
}

export async function heldFor(db: DbOrTrx, key: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('digest_key', '=', key)
    .where('status', '=', 'held')
    .where('is_digest', '=', 0)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks held deliveries as merged into `digestId`; only those still held (compare-and-set). */
export async function markDigested(
  trx: Trx,
  ids: readonly string[],
  digestId: string,
  at: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('notification_deliveries')
    .set({ status: 'digested', digest_id: digestId, updated_at: at })
    .where('id', 'in', [...ids])
    .where('status', '=', 'held')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertDelivery(trx: Trx, row: DeliveryRow): Promise<void> {
  await trx.insertInto('notification_deliveries').values(row).execute();
}
