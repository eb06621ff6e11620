import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type {
  Channel,
  NotificationEndpointsTable,
  NotificationGroupsTable,
  NotificationProvidersTable,
} from '../notifications.tables.js';

/** SQL of robot groups, their endpoints (robots, webhook URLs) and SMS providers. */
export type GroupRow = NotificationGroupsTable;
export type EndpointRow = NotificationEndpointsTable;
export type ProviderRow = NotificationProvidersTable;

export async function groupsByCodes(db: DbOrTrx, codes: readonly string[]): Promise<GroupRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('notification_groups')
    .selectAll()
    .where('code', 'in', [...new Set(codes)])
    .execute();
}

export async function defaultGroups(db: DbOrTrx, channels: readonly Channel[]): Promise<GroupRow[]> {
  if (channels.length === 0) return [];
  return db
    .selectFrom('notification_groups')
    .selectAll()
    .where('channel', 'in', [...channels])
    .where('is_default', '=', 1)
    .where('enabled', '=', 1)
    .execute();
}

export async function listGroups(db: DbOrTrx): Promise<GroupRow[]> {
  return db.selectFrom('notification_groups').selectAll().orderBy('channel').orderBy('code').execute();
}

export async function findGroup(db: DbOrTrx, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom('notification_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(trx: Trx, row: GroupRow): Promise<void> {
  await trx.insertInto('notification_groups').values(row).execute();
}

export async function updateGroup(trx: Trx, id: string, changes: Partial<GroupRow>): Promise<void> {
  await trx.updateTable('notification_groups').set(changes).where('id', '=', id).execute();
}

export async function deleteGroup(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('notification_endpoints').where('group_id', '=', id).execute();
  await trx.deleteFrom('notification_groups').where('id', '=', id).execute();
}

export async function endpointsOf(db: DbOrTrx, groupIds: readonly string[]): Promise<EndpointRow[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('notification_endpoints')
    .selectAll()
    .where('group_id', 'in', [...groupIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findEndpoint(db: DbOrTrx, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('notification_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEndpoint(trx: Trx, row: EndpointRow): Promise<void> {
  await trx.insertInto('notification_endpoints').values(row).execute();
}

export async function updateEndpoint(trx: Trx, id: string, changes: Partial<EndpointRow>): Promise<void> {
  await trx.updateTable('notification_endpoints').set(changes).where('id', '=', id).execute();
}

export async function deleteEndpoint(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('notification_endpoints').where('id', '=', id).execute();
}

export async function providersOf(db: DbOrTrx, channel: 'sms'): Promise<ProviderRow[]> {
  return db
    .selectFrom('notification_providers')
    .selectAll()
    .where('channel', '=', channel)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function findProvider(db: DbOrTrx, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('notification_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProvider(trx: Trx, row: ProviderRow): Promise<void> {
  await trx.insertInto('notification_providers').values(row).execute();
}

export async function updateProvider(trx: Trx, id: string, changes: Partial<ProviderRow>): Promise<void> {
  await trx.updateTable('notification_providers').set(changes).where('id', '=', id).execute();
}

export async function deleteProvider(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('notification_providers').where('id', '=', id).execute();
}
