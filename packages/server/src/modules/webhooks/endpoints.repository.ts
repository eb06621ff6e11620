import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { inListScope, type ListScope } from './owned-rows.repository.js';
import type { WebhookEndpointsTable } from './webhooks.tables.js';

/** All SQL on webhook endpoints. */
export type EndpointRow = WebhookEndpointsTable;

export async function insertEndpoint(trx: Trx, row: EndpointRow): Promise<void> {
  await trx.insertInto('webhook_endpoints').values(row).execute();
}

export async function findEndpoint(db: DbOrTrx, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The endpoints in the list scope (owned-rows.repository.ts). */
export async function endpointPage(
  db: DbOrTrx,
  scope: ListScope,
  page: PageRequest,
): Promise<Page<EndpointRow>> {
  const query = inListScope(db.selectFrom('webhook_endpoints').selectAll(), scope);
  return paginate(query, page, { created_at: 'created_at', url: 'url' });
}

/** Active endpoints; the caller filters by subscribed type (a JSON list per row). */
export async function activeEndpoints(db: DbOrTrx): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('is_active', '=', 1).execute();
}

export async function updateEndpoint(
  trx: DbOrTrx,
  id: string,
  changes: Partial<Omit<EndpointRow, 'id' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('webhook_endpoints').set(changes).where('id', '=', id).execute();
}

/** Marks the endpoint failing from `at` unless a streak already runs; returns the streak's start. */
export async function markFailing(trx: Trx, id: string, at: string): Promise<void> {
  await trx
    .updateTable('webhook_endpoints')
    .set({ failing_since: at })
    .where('id', '=', id)
    .where('failing_since', 'is', null)
    .execute();
}

export async function deleteEndpoint(trx: Trx, id: string): Promise<void> {
  await trx
    .deleteFrom('webhook_attempts')
    .where('delivery_id', 'in', (q) =>
      q.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', id),
    )
    .execute();
  await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await trx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

/** Every endpoint, active or not (the dispatcher closes a disabled one's deliveries). */
export async function allEndpoints(db: DbOrTrx): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
}
