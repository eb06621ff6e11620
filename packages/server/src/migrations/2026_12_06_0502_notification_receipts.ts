import { type MigrationDb, TIME } from './migration-kit.js';

/**
 * Notifications, part 3: delivery receipts. An SMS provider reports later whether the
 * handset got the message; the report names the provider's message id, so each attempt
 * keeps the id its provider gave it, and the first final report (delivered or failed, with
 * the provider's code) is written on that attempt. The index finds the attempt by
 * provider and id.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('notification_attempts')
    .addColumn('provider_message_id', 'varchar(200)')
    .execute();
  await db.schema.alterTable('notification_attempts').addColumn('receipt_status', 'varchar(16)').execute();
  await db.schema.alterTable('notification_attempts').addColumn('receipt_code', 'varchar(100)').execute();
  await db.schema.alterTable('notification_attempts').addColumn('receipt_at', TIME).execute();
  await db.schema
    .createIndex('notification_attempts_receipt_idx')
    .on('notification_attempts')
    .columns(['provider', 'provider_message_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('notification_attempts_receipt_idx').execute();
  for (const column of ['receipt_at', 'receipt_code', 'receipt_status', 'provider_message_id']) {
    await db.schema.alterTable('notification_attempts').dropColumn(column).execute();
  }
}
