import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Notifications, part 2: what controls sending. Per-user profiles (IM ids, locale, time
 * zone, do-not-disturb) and preferences; robot groups and their endpoints; SMS providers;
 * rate windows shared by every process; digests; the sensitive-word list; small settings.
 * Credentials (robot URLs and secrets, provider keys) are stored sealed (AES-256-GCM).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('notification_profiles')
    .addColumn('user_id', ID, (c) => c.primaryKey())
    .addColumn('locale', 'varchar(10)')
    .addColumn('time_zone', 'varchar(64)')
    .addColumn('dnd_start', 'varchar(5)')
    .addColumn('dnd_end', 'varchar(5)')
    .addColumn('dingtalk_id', 'varchar(100)')
    .addColumn('feishu_id', 'varchar(100)')
    .addColumn('wecom_id', 'varchar(100)')
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'category', 'channel'])
    .execute();
  await db.schema
    .createTable('notification_groups')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_endpoints')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('group_id', ID, (c) => c.notNull().references('notification_groups.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('url_sealed', 'text', (c) => c.notNull())
    .addColumn('url_hint', 'varchar(300)', (c) => c.notNull())
    .addColumn('secret_sealed', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_endpoints_group_idx')
    .on('notification_endpoints')
    .columns(['group_id'])
    .execute();
  await db.schema
    .createTable('notification_providers')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_rate_windows')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('stamps', 'text', (c) => c.notNull())
    .addColumn('blocked_until', TIME)
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_digests')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('digest_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('window_start', TIME, (c) => c.notNull())
    .addColumn('delivery_id', ID)
    .addColumn('merged', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('notification_digests_uq', ['digest_key', 'window_start'])
    .execute();
  await db.schema
    .createTable('notification_sensitive_words')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('word', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_settings')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'notification_settings',
    'notification_sensitive_words',
    'notification_digests',
    'notification_rate_windows',
    'notification_providers',
    'notification_endpoints',
    'notification_groups',
    'notification_preferences',
    'notification_profiles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
