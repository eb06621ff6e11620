import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { InboxKind, NotificationInboxTable } from '../notifications.tables.js';

/** SQL of the in-app inbox. */
export type InboxRow = NotificationInboxTable;

/** Inserts once per delivery; false when the delivery already has its inbox row. */
export async function insertInboxItem(trx: Trx, row: InboxRow): Promise<boolean> {
  const existing = await trx
    .selectFrom('notification_inbox')
    .select('id')
    .where('delivery_id', '=', row.delivery_id)
    .executeTakeFirst();
  if (existing) return false;
  await trx.insertInto('notification_inbox').values(row).execute();
  return true;
}

export async function inboxPage(
  db: DbOrTrx,
  userId: string,
  filter: { unread?: boolean; kind?: InboxKind; after?: string },
  limit: number,
  offset: number,
) {
  let query = db.selectFrom('notification_inbox').where('user_id', '=', userId);
  if (filter.unread) query = query.where('read_at', 'is', null);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.after) query = query.where('id', '>', filter.after);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const items = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items, total: Number(total?.n ?? 0) };
}

/** Items newer than `afterId` (ids are time-ordered UUIDv7): what a reconnecting stream missed. */
export async function inboxSince(
  db: DbOrTrx,
  userId: string,
  afterId: string,
  limit: number,
): Promise<InboxRow[]> {
  return db
    .selectFrom('notification_inbox')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function unreadCounts(db: DbOrTrx, userId: string): Promise<{ kind: InboxKind; n: number }[]> {
  const rows = await db
    .selectFrom('notification_inbox')
    .select(['kind', sql<number>`count(*)`.as('n')])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}

export async function markRead(
  trx: Trx,
  userId: string,
  ids: readonly string[] | 'all',
  at: string,
): Promise<number> {
  let query = trx
    .updateTable('notification_inbox')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findInboxItem(db: DbOrTrx, userId: string, id: string): Promise<InboxRow | undefined> {
  return db
    .selectFrom('notification_inbox')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteInboxItem(trx: Trx, userId: string, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('notification_inbox')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
