import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Notifications, part 1: templates and their versions, messages, the send log (one
 * delivery per message × recipient × channel, with its attempts) and the in-app inbox.
 * Frozen once shipped: later changes are new migrations.
 */
export async function up(db: MigrationDb): Promise<void> {
  await templates(db);
  await messages(db);
  await deliveries(db);
  await inbox(db);
}

async function templates(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('notification_templates')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('code', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('inbox_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('is_transactional', 'integer', (c) => c.notNull())
    .addColumn('is_sensitive', 'integer', (c) => c.notNull())
    .addColumn('default_locale', 'varchar(10)', (c) => c.notNull())
    .addColumn('frequency_limit', 'integer')
    .addColumn('frequency_window_seconds', 'integer')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_templates_created_idx')
    .on('notification_templates')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createTable('notification_template_versions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) => c.notNull().references('notification_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('variables', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('based_on', 'integer')
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('notification_template_versions_uq', ['template_id', 'version'])
    .execute();
}

async function messages(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('notification_messages')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) => c.notNull())
    .addColumn('template_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('priority', 'varchar(8)', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('params', 'text')
    .addColumn('is_sensitive', 'integer', (c) => c.notNull())
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.unique())
    .addColumn('sender_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('sender_id', 'varchar(100)')
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_messages_created_idx')
    .on('notification_messages')
    .columns(['created_at', 'id'])
    .execute();
}

async function deliveries(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('message_id', ID, (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('recipient_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('user_id', ID)
    .addColumn('address', 'varchar(500)')
    .addColumn('recipient_name', 'varchar(200)')
    .addColumn('locale', 'varchar(10)', (c) => c.notNull())
    .addColumn('template_code', 'varchar(100)', (c) => c.notNull())
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('priority', 'varchar(8)', (c) => c.notNull())
    .addColumn('subject', 'varchar(1000)')
    .addColumn('body', 'text')
    .addColumn('extra', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', TIME)
    .addColumn('last_error', 'text')
    .addColumn('provider', 'varchar(100)')
    .addColumn('provider_message_id', 'varchar(200)')
    .addColumn('claim', 'varchar(100)')
    .addColumn('digest_key', 'varchar(300)')
    .addColumn('digest_id', ID)
    .addColumn('is_digest', 'integer', (c) => c.notNull())
    .addColumn('view_token_hash', 'varchar(64)')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('sent_at', TIME)
    .addColumn('delivered_at', TIME)
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('notification_deliveries').columns(columns).execute();
  await index('notification_deliveries_message_idx', ['message_id']);
  await index('notification_deliveries_created_idx', ['created_at', 'id']);
  await index('notification_deliveries_status_idx', ['status', 'created_at']);
  await index('notification_deliveries_channel_idx', ['channel', 'created_at']);
  await index('notification_deliveries_template_idx', ['template_code', 'created_at']);
  await index('notification_deliveries_user_idx', ['user_id', 'template_code', 'created_at']);
  await index('notification_deliveries_digest_idx', ['digest_key', 'status']);
  await index('notification_deliveries_provider_idx', ['provider_message_id']);
  await index('notification_deliveries_view_idx', ['view_token_hash']);
  await db.schema
    .createTable('notification_attempts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('delivery_id', ID, (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('provider', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('job_id', ID)
    .addColumn('response', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .addUniqueConstraint('notification_attempts_uq', ['delivery_id', 'attempt'])
    .execute();
}

async function inbox(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('notification_inbox')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('delivery_id', ID, (c) => c.notNull().unique())
    .addColumn('message_id', ID, (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('category', 'varchar(50)', (c) => c.notNull())
    .addColumn('title', 'varchar(1000)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('read_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_inbox_user_idx')
    .on('notification_inbox')
    .columns(['user_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notification_inbox_unread_idx')
    .on('notification_inbox')
    .columns(['user_id', 'read_at', 'kind'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'notification_inbox',
    'notification_attempts',
    'notification_deliveries',
    'notification_messages',
    'notification_template_versions',
    'notification_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
