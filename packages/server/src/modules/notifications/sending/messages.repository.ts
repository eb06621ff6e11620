import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationDeliveriesTable, NotificationMessagesTable } from '../notifications.tables.js';

/** SQL of messages and their deliveries as `send` writes them. */
export type MessageRow = NotificationMessagesTable;
export type DeliveryRow = NotificationDeliveriesTable;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters with 30 columns. */
const chunk = 200;

export async function insertMessage(trx: Trx, row: MessageRow): Promise<void> {
  await trx.insertInto('notification_messages').values(row).execute();
}

export async function findMessageByDedupeKey(db: DbOrTrx, key: string): Promise<MessageRow | undefined> {
  return db.selectFrom('notification_messages').selectAll().where('dedupe_key', '=', key).executeTakeFirst();
}

export async function findMessage(db: DbOrTrx, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('notification_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDeliveries(trx: Trx, rows: readonly DeliveryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto('notification_deliveries')
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

export async function deliveriesOfMessage(db: DbOrTrx, messageId: string): Promise<DeliveryRow[]> {
  return db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
