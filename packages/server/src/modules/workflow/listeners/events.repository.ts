import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { WorkflowEventsTable } from './events.tables.js';

export type EventRow = WorkflowEventsTable;

export async function insertEvent(trx: Trx, row: EventRow): Promise<void> {
  await trx.insertInto('workflow_events').values(row).execute();
}

/** Events after `afterId` (exclusive; null: from the first), oldest first. */
export function eventsAfter(db: DbOrTrx, afterId: string | null, limit: number): Promise<EventRow[]> {
  let query = db.selectFrom('workflow_events').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}
