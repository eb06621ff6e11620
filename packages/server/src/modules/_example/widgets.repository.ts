import type { Page, PageRequest } from '../../platform/db/pagination.js';
import { paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { ExampleWidgetsTable } from './example.tables.js';
import type { WidgetState } from './widgets.state.js';

/**
 * All SQL of the module, as small named functions. Nothing here decides anything:
 * rules live in the service and policy, which call these.
 */
export type WidgetRow = ExampleWidgetsTable;

export type WidgetScope = { all: true } | { ownerId: string };

export async function insertWidget(trx: Trx, row: WidgetRow): Promise<void> {
  await trx.insertInto('example_widgets').values(row).execute();
}

export async function findWidget(db: DbOrTrx, id: string): Promise<WidgetRow | undefined> {
  return db.selectFrom('example_widgets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWidgetByName(
  db: DbOrTrx,
  ownerId: string,
  name: string,
): Promise<WidgetRow | undefined> {
  return db
    .selectFrom('example_widgets')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** One page of the widgets in `scope`, optionally of one state. */
export async function widgetPage(
  db: DbOrTrx,
  scope: WidgetScope,
  filter: { state?: WidgetState },
  page: PageRequest,
): Promise<Page<WidgetRow>> {
  let query = db.selectFrom('example_widgets').selectAll();
  if ('ownerId' in scope) query = query.where('owner_id', '=', scope.ownerId);
  if (filter.state) query = query.where('state', '=', filter.state);
  return paginate(query, page, { created_at: 'created_at', name: 'name' });
}

/**
 * Moves a widget from `from` to `to` with the given column changes, only if it is still in
 * `from` (compare-and-set): of two concurrent transitions, one updates and the other sees
 * `false` and re-reads, on SQLite and PostgreSQL alike, without a dialect-specific lock.
 */
export async function moveWidget(
  trx: Trx,
  id: string,
  from: WidgetState,
  changes: Partial<Omit<WidgetRow, 'id' | 'owner_id' | 'created_at'>> & { state: WidgetState },
): Promise<boolean> {
  const result = await trx
    .updateTable('example_widgets')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets owner_notified_at once; false when it was already set (the job ran before). */
export async function markOwnerNotified(trx: Trx, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('example_widgets')
    .set({ owner_notified_at: at, updated_at: at })
    .where('id', '=', id)
    .where('owner_notified_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
