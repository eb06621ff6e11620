import type { CompiledQuery } from 'kysely';
import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type {
  DeliveryStatus,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEventsTable,
} from './webhooks.tables.js';

/** All SQL on the event outbox, deliveries and attempts. */
export type EventRow = WebhookEventsTable;
export type DeliveryRow = WebhookDeliveriesTable;
export type AttemptRow = WebhookAttemptsTable;

const eventColumns = [
  'id',
  'type',
  'resource_type',
  'resource_id',
  'data',
  'fanned_out',
  'created_at',
] as const;
/** The outbox insert compiled once per dialect adapter (see insertEvent). */
const compiledInsert = new WeakMap<object, CompiledQuery>();

/**
 * The outbox insert of `webhooks.emit`, on every business transaction that emits: its SQL is
 * compiled once per dialect and run with each event's values (building and compiling the
 * Kysely query cost about as much as SQLite running the insert).
 */
export async function insertEvent(trx: DbOrTrx, row: EventRow): Promise<void> {
  const adapter = trx.getExecutor().adapter;
  let query = compiledInsert.get(adapter);
  if (!query) {
    const ordered = Object.fromEntries(eventColumns.map((c) => [c, row[c]])) as unknown as EventRow;
    query = trx.insertInto('webhook_events').values(ordered).compile();
    compiledInsert.set(adapter, query);
  }
  await trx.executeQuery({ ...query, parameters: eventColumns.map((c) => row[c]) });
}

/** Several outbox rows in one statement (one per 100 rows, well under either dialect's parameter limit). */
export async function insertEvents(trx: DbOrTrx, rows: EventRow[]): Promise<void> {
  for (let from = 0; from < rows.length; from += 100)
    await trx
      .insertInto('webhook_events')
      .values(rows.slice(from, from + 100))
      .execute();
}

export async function findEvent(db: DbOrTrx, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markFannedOut(trx: Trx, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_events')
    .set({ fanned_out: 1 })
    .where('id', '=', id)
    .where('fanned_out', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function eventsBetween(
  db: DbOrTrx,
  from: string,
  to: string,
  limit: number,
): Promise<EventRow[]> {
  return db
    .selectFrom('webhook_events')
    .selectAll()
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertDeliveries(trx: Trx, rows: DeliveryRow[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
}

export async function findDelivery(db: DbOrTrx, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set of a delivery's status. */
export async function moveDelivery(
  trx: Trx,
  id: string,
  from: DeliveryStatus[],
  changes: Partial<Omit<DeliveryRow, 'id' | 'endpoint_id' | 'event_id'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_deliveries')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAttempt(trx: Trx, row: AttemptRow): Promise<void> {
  await trx.insertInto('webhook_attempts').values(row).execute();
}

export async function attemptsOf(db: DbOrTrx, deliveryId: string): Promise<AttemptRow[]> {
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .execute();
}

export interface DeliveryFilter {
  status?: DeliveryStatus | undefined;
  event_type?: string | undefined;
}

export async function deliveryPage(
  db: DbOrTrx,
  endpointId: string,
  filter: DeliveryFilter,
  page: PageRequest,
): Promise<Page<DeliveryRow>> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.event_type) query = query.where('event_type', '=', filter.event_type);
  return paginate(query, page, { created_at: 'created_at' });
}
