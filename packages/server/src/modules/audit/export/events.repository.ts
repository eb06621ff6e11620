import type { SelectQueryBuilder } from 'kysely';
import type { DbOrTrx, Tables } from '../../../platform/db/schema.js';
import type { AuditFilter } from '../audit.schemas.js';
import type { AuditEventsTable } from '../audit.tables.js';

type EventQuery = SelectQueryBuilder<Tables, 'audit_events', AuditEventsTable>;

/** The review filters as one query (indexed columns only: action, actor, entity, time, ip). */
export function filteredEvents(db: DbOrTrx, filter: AuditFilter): EventQuery {
  let query = db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain', '=', filter.chain ?? 'main');
  if (filter.actor) {
    const actor = filter.actor;
    query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)]));
  }
  if (filter.action?.endsWith('*'))
    query = query.where('action', 'like', `${escapeLike(filter.action.slice(0, -1))}%`);
  else if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entity_type) query = query.where('entity_type', '=', filter.entity_type);
  if (filter.entity_id) query = query.where('entity_id', '=', filter.entity_id);
  if (filter.ip) query = query.where('ip', '=', filter.ip);
  if (filter.result) query = query.where('result', '=', filter.result);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('occurred_at', '<', new Date(filter.to).toISOString());
  return query;
}

/** Matching events in chain order, at most `limit` (exports). */
export async function exportEvents(
  db: DbOrTrx,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEventsTable[]> {
  const rows = await filteredEvents(db, filter).orderBy('seq').limit(limit).execute();
  for (const row of rows) row.seq = Number(row.seq);
  return rows;
}

function escapeLike(value: string): string {
  return value.replace(/[%_\\]/g, '');
}

/** How many events match `filter` among the first `throughSeq` of its chain (bundle selections). */
export async function countEventsThrough(
  db: DbOrTrx,
  filter: AuditFilter,
  throughSeq: number,
): Promise<number> {
  const row = await filteredEvents(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('seq', '<=', throughSeq)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
