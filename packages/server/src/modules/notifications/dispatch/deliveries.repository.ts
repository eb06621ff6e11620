import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type {
  DeliveryStatus,
  NotificationAttemptsTable,
  NotificationDeliveriesTable,
} from '../notifications.tables.js';

/** SQL the dispatcher uses: claiming a delivery, its attempt records, its outcome. */
export type DeliveryRow = NotificationDeliveriesTable;
export type AttemptRow = NotificationAttemptsTable;

export async function findDelivery(db: DbOrTrx, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeliveries(db: DbOrTrx, ids: readonly string[]): Promise<DeliveryRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Takes a due delivery for one send attempt (compare-and-set on its status): of two jobs
 * that hold the same delivery, one gets it. The attempt record is written in the same
 * transaction, so every provider call has its record before it is made.
 */
export async function claimDelivery(
  trx: Trx,
  row: DeliveryRow,
  claim: string,
  attempt: AttemptRow,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('notification_deliveries')
    .set({
      status: 'sending',
      claim,
      attempts: row.attempts + 1,
      provider: attempt.provider,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .where('status', 'in', ['queued', 'deferred'])
    .where('attempts', '=', row.attempts)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.insertInto('notification_attempts').values(attempt).execute();
  return true;
}

export async function finishAttempt(
  trx: Trx,
  id: string,
  outcome: Partial<Pick<AttemptRow, 'status' | 'response' | 'error' | 'finished_at' | 'provider_message_id'>>,
): Promise<void> {
  await trx.updateTable('notification_attempts').set(outcome).where('id', '=', id).execute();
}

/** Marks attempts a crashed run left open: their outcome is unknown, never repeated under their record. */
export async function interruptOpenAttempts(trx: Trx, deliveryId: string, now: string): Promise<number> {
  const result = await trx
    .updateTable('notification_attempts')
    .set({
      status: 'interrupted',
      finished_at: now,
      error: 'the process sending it stopped; outcome unknown',
    })
    .where('delivery_id', '=', deliveryId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Moves a delivery out of `from` (compare-and-set), with its new fields. */
export async function moveDelivery(
  trx: Trx,
  id: string,
  from: readonly DeliveryStatus[],
  changes: Partial<DeliveryRow>,
): Promise<boolean> {
  const result = await trx
    .updateTable('notification_deliveries')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function attemptsOf(db: DbOrTrx, deliveryId: string): Promise<AttemptRow[]> {
  return db
    .selectFrom('notification_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .execute();
}

/** Deliveries of a user and template sent (or being sent) since `since`: the frequency count. */
export async function countRecentSends(
  db: DbOrTrx,
  filter: { userId: string; template: string; channel: string; since: string },
): Promise<number> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_id', '=', filter.userId)
    .where('template_code', '=', filter.template)
    .where('channel', '=', filter.channel as DeliveryRow['channel'])
    .where('created_at', '>=', filter.since)
    .where('status', 'in', ['sent', 'delivered', 'sending'])
    .where('is_digest', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deliveries stuck in flight or overdue (their job is gone): the sweep sends them on. */
export async function stalledDeliveries(db: DbOrTrx, before: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('status', 'in', ['queued', 'deferred', 'sending'])
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<', before)]))
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}
