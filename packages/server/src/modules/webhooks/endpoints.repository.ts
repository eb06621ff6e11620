import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import type { OwnerScope } from './webhooks.policy.js';
import type { WebhookEndpointsTable } from './webhooks.tables.js';

/** All SQL on webhook endpoints. */
export type EndpointRow = WebhookEndpointsTable;
/** The policy's list scope and the list's owner filter (owners.service.ts). */
export type ListScope = OwnerScope & { owner?: { userId: string } | { teamId: string } };

export async function insertEndpoint(trx: Trx, row: EndpointRow): Promise<void> {
  await trx.insertInto('webhook_endpoints').values(row).execute();
}

export async function findEndpoint(db: DbOrTrx, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Own rows (no team) or the scope's teams'; then the owner filter ("me": own rows only). */
export async function endpointPage(
  db: DbOrTrx,
  scope: ListScope,
  page: PageRequest,
): Promise<Page<EndpointRow>> {
  let query = db.selectFrom('webhook_endpoints').selectAll();
  if (!scope.all) {
    const { userId, teamIds } = scope;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('team_id', 'is', null), eb('owner_id', '=', userId)]),
        ...(teamIds.length > 0 ? [eb('team_id', 'in', teamIds)] : []),
      ]),
    );
  }
  if (scope.owner && 'teamId' in scope.owner) query = query.where('team_id', '=', scope.owner.teamId);
  if (scope.owner && 'userId' in scope.owner) {
    query = query.where('team_id', 'is', null).where('owner_id', '=', scope.owner.userId);
  }
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
