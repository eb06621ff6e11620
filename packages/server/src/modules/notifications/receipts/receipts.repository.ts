import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationAttemptsTable } from '../notifications.tables.js';

/** SQL of delivery receipts: the attempts a provider's message ids name, and the receipt written once. */
export async function attemptsByMessageIds(
  db: DbOrTrx,
  provider: string,
  messageIds: readonly string[],
): Promise<NotificationAttemptsTable[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('notification_attempts')
    .selectAll()
    .where('provider', '=', provider)
    .where('provider_message_id', 'in', [...messageIds])
    .execute();
}

/** Writes the first final receipt of an attempt (compare-and-set): a repeated receipt changes nothing. */
export async function recordReceipt(
  trx: Trx,
  attemptId: string,
  receipt: { receipt_status: 'delivered' | 'failed'; receipt_code: string; receipt_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('notification_attempts')
    .set(receipt)
    .where('id', '=', attemptId)
    .where('receipt_status', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
