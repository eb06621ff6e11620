import { type ExpressionBuilder, sql } from 'kysely';
import type { DbOrTrx, Dialect, Tables, Trx } from '../../platform/db/schema.js';
import type { AttemptRow, DeliveryRow, EventRow } from './deliveries.repository.js';
import type { DeliveryStatus } from './webhooks.tables.js';

/**
 * The batched dispatcher's SQL (dispatcher.ts): a pass reads pending work in bulk, claims
 * it with one compare-and-set statement and records outcomes with multi-row statements.
 */
const open: DeliveryStatus[] = ['pending', 'sending', 'retrying'];
/** Rows per insert: keeps each statement under SQLite's bound-parameter limit. */
const CHUNK = 200;
/** Written as literals, the predicates of the partial indexes (migration 2026_12_13_0410). */
const unfanned = sql<boolean>`fanned_out = 0`;
const isOpen = sql<boolean>`status in ('pending', 'sending', 'retrying')`;

/** Events not fanned out yet, in emit order; PostgreSQL skips rows another dispatcher holds. */
export async function lockUnfanned(trx: Trx, dialect: Dialect, limit: number): Promise<EventRow[]> {
  return trx
    .selectFrom('webhook_events')
    .selectAll()
    .where(unfanned)
    .orderBy('id')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .execute();
}

export async function markFannedOutMany(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length > 0)
    await trx.updateTable('webhook_events').set({ fanned_out: 1 }).where('id', 'in', ids).execute();
}

/** The oldest events still waiting for fan-out (what an ordered delivery must not overtake). */
export async function unfannedHeads(
  db: DbOrTrx,
  limit: number,
): Promise<Pick<EventRow, 'id' | 'resource_type' | 'resource_id'>[]> {
  return db
    .selectFrom('webhook_events')
    .select(['id', 'resource_type', 'resource_id'])
    .where(unfanned)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * One endpoint's open deliveries in event order after `afterEventId` (keyset paging on the
 * partial index): the dispatcher finds each lane's head as its first row here.
 */
export async function openPage(
  db: DbOrTrx,
  endpointId: string,
  afterEventId: string,
  limit: number,
): Promise<DeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .where(isOpen)
    .where('event_id', '>', afterEventId)
    .orderBy('event_id')
    .limit(limit)
    .execute();
}

export async function eventsByIds(db: DbOrTrx, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('webhook_events').selectAll().where('id', 'in', ids).execute();
}

/**
 * Claims deliveries for sending, one compare-and-set statement; returns the ids this
 * dispatcher got. The statement itself re-checks what makes a delivery sendable — open and
 * due, not under a live claim, the head of its lane with no other delivery of the lane in
 * flight — so dispatchers in several processes never break a lane's order.
 */
export async function claimMany(trx: Trx, ids: string[], now: string, stale: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const lane = (eb: ExpressionBuilder<Tables, 'webhook_deliveries'>) =>
    eb
      .selectFrom('webhook_deliveries as e')
      .select('e.id')
      .whereRef('e.endpoint_id', '=', 'webhook_deliveries.endpoint_id')
      .whereRef('e.lane', '=', 'webhook_deliveries.lane')
      .whereRef('e.id', '!=', 'webhook_deliveries.id');
  const rows = await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'sending', claimed_at: now })
    .where('id', 'in', ids)
    .where((eb) =>
      eb.and([
        eb.or([
          eb('status', 'in', ['pending', 'retrying']),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', stale)]),
        ]),
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
        eb.not(
          eb.exists(
            lane(eb).where('e.status', 'in', open).whereRef('e.event_id', '<', 'webhook_deliveries.event_id'),
          ),
        ),
        eb.not(eb.exists(lane(eb).where('e.status', '=', 'sending').where('e.claimed_at', '>', stale))),
      ]),
    )
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertAttempts(trx: Trx, rows: AttemptRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('webhook_attempts')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Closes sent deliveries that succeeded with the same HTTP status, in one statement. */
export async function closeSucceeded(
  trx: Trx,
  ids: string[],
  lastStatus: number | null,
  completedAt: string,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('webhook_deliveries')
    .set({
      status: 'succeeded',
      attempts: sql`attempts + 1`,
      last_status: lastStatus,
      last_error: null,
      completed_at: completedAt,
    })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .execute();
}

/** Closes deliveries that will never be sent (their endpoint is disabled or gone). */
export async function closeDead(trx: Trx, ids: string[], reason: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'dead', last_error: reason, completed_at: at })
    .where('id', 'in', ids)
    .where('status', 'in', open)
    .execute();
}
