import { sql } from 'kysely';
import { type PageRequest, paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { NotificationDeliveriesTable } from '../notifications.tables.js';

/** SQL of the send log: filtered pages, one delivery, statistics. */
export interface LogFilter {
  channel?: string;
  status?: string;
  template?: string;
  recipient?: string;
  message_id?: string;
  from?: string;
  to?: string;
}

export async function deliveryPage(db: DbOrTrx, filter: LogFilter, page: PageRequest) {
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (filter.channel)
    query = query.where('channel', '=', filter.channel as NotificationDeliveriesTable['channel']);
  if (filter.status)
    query = query.where('status', '=', filter.status as NotificationDeliveriesTable['status']);
  if (filter.template) query = query.where('template_code', '=', filter.template);
  if (filter.message_id) query = query.where('message_id', '=', filter.message_id);
  if (filter.recipient) {
    const like = `%${filter.recipient.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('recipient_key', 'like', like),
        eb('address', 'like', like),
        eb('recipient_name', 'like', like),
      ]),
    );
  }
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  return paginate(query, page, { created_at: 'created_at', status: 'status' });
}

/** Counts per day (UTC), channel, template and status: `substr` of the ISO time works on both dialects. */
export async function deliveryStats(db: DbOrTrx, from: string, to: string) {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await db
    .selectFrom('notification_deliveries')
    .select([day.as('day'), 'channel', 'template_code', 'category', 'status', sql<number>`count(*)`.as('n')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy([day, 'channel', 'template_code', 'category', 'status'])
    .orderBy(day)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
