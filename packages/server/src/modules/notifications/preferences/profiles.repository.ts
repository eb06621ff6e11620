import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationPreferencesTable, NotificationProfilesTable } from '../notifications.tables.js';

/** SQL of per-user notification profiles (IM ids, locale, time zone, quiet hours) and preferences. */
export type ProfileRow = NotificationProfilesTable;
export type PreferenceRow = NotificationPreferencesTable;

export async function profilesOf(db: DbOrTrx, userIds: readonly string[]): Promise<Map<string, ProfileRow>> {
  const out = new Map<string, ProfileRow>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('notification_profiles')
      .selectAll()
      .where('user_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.user_id, row);
  }
  return out;
}

export async function upsertProfile(trx: Trx, row: ProfileRow): Promise<void> {
  const { user_id, ...changes } = row;
  const updated = await trx
    .updateTable('notification_profiles')
    .set(changes)
    .where('user_id', '=', user_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await trx.insertInto('notification_profiles').values(row).execute();
}

export async function preferencesOf(db: DbOrTrx, userId: string): Promise<PreferenceRow[]> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

/** Every preference of these users (the dispatcher reads a batch's at once). */
export async function preferencesOfUsers(db: DbOrTrx, userIds: readonly string[]): Promise<PreferenceRow[]> {
  const out: PreferenceRow[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    const slice = userIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', 'in', slice)
        .execute()),
    );
  }
  return out;
}

/** The preferences that could stop one delivery: its category or '*', its channel or '*'. */
export async function preferencesFor(
  db: DbOrTrx,
  userId: string,
  category: string,
  channel: string,
): Promise<PreferenceRow[]> {
  return db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .where('category', 'in', [category, '*'])
    .where('channel', 'in', [channel, '*'])
    .execute();
}

export async function setPreference(trx: Trx, row: PreferenceRow): Promise<void> {
  const updated = await trx
    .updateTable('notification_preferences')
    .set({ enabled: row.enabled, updated_at: row.updated_at })
    .where('user_id', '=', row.user_id)
    .where('category', '=', row.category)
    .where('channel', '=', row.channel)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await trx.insertInto('notification_preferences').values(row).execute();
}
