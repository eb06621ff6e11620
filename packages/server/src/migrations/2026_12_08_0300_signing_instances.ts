import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * New signing requests made from a template (modules/signing, issue 15 items 9 and 10): the
 * template's stored PDFs and role placeholders, its public direct link (secret stored as a
 * SHA-256) with a per-IP window counter, bulk sends and their rows, and in-person (kiosk)
 * sessions. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await templateParts(db);
  await directLinks(db);
  await bulkSends(db);
  await inPerson(db);
}

async function templateParts(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_template_roles')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) =>
      c.notNull().references('digital_signature_templates.id').onDelete('cascade'),
    )
    .addColumn('role_key', 'varchar(50)', (c) => c.notNull())
    .addColumn('label', 'varchar(100)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('signer_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('signing_order', 'integer', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)')
    .addColumn('signer_email', 'varchar(254)')
    .addColumn('signer_phone', 'varchar(40)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('uq_signature_template_role', ['template_id', 'role_key'])
    .execute();
  await db.schema
    .createTable('digital_signature_template_documents')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) =>
      c.notNull().references('digital_signature_templates.id').onDelete('cascade'),
    )
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_template_documents')
    .on('digital_signature_template_documents')
    .columns(['template_id', 'position'])
    .execute();
}

async function directLinks(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_direct_links')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) =>
      c.notNull().unique().references('digital_signature_templates.id').onDelete('cascade'),
    )
    .addColumn('role_key', 'varchar(50)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('is_enabled', 'integer', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('rotated_at', TIME)
    .addColumn('last_used_at', TIME)
    .execute();
  await db.schema
    .createTable('digital_signature_direct_link_hits')
    .addColumn('ip_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('window_start', TIME, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_signature_direct_link_hits', ['ip_key', 'window_start'])
    .execute();
}

async function bulkSends(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_bulk_sends')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_id', ID, (c) => c.notNull().references('digital_signature_templates.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .execute();
  await db.schema
    .createTable('digital_signature_bulk_send_rows')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('bulk_send_id', ID, (c) =>
      c.notNull().references('digital_signature_bulk_sends.id').onDelete('cascade'),
    )
    .addColumn('row_index', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('request_id', ID)
    .addColumn('error', 'text')
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_bulk_send_rows')
    .on('digital_signature_bulk_send_rows')
    .columns(['bulk_send_id', 'status', 'row_index'])
    .execute();
}

async function inPerson(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_in_person_sessions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_id', ID, (c) => c.notNull().references('digital_signature_requests.id'))
    .addColumn('signer_id', ID, (c) => c.notNull())
    .addColumn('host_user_id', ID, (c) => c.notNull())
    .addColumn('host_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('host_session_id', 'varchar(64)')
    .addColumn('kiosk_token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('signature_number', 'varchar(30)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('notify', 'varchar(10)', (c) => c.notNull())
    .addColumn('ip_address', 'varchar(64)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('started_at', TIME, (c) => c.notNull())
    .addColumn('ended_at', TIME)
    .addColumn('unlocked_at', TIME)
    .execute();
  await db.schema
    .createIndex('idx_signature_in_person_host')
    .on('digital_signature_in_person_sessions')
    .columns(['host_user_id', 'status'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'digital_signature_in_person_sessions',
    'digital_signature_bulk_send_rows',
    'digital_signature_bulk_sends',
    'digital_signature_direct_link_hits',
    'digital_signature_direct_links',
    'digital_signature_template_documents',
    'digital_signature_template_roles',
  ])
    await db.schema.dropTable(table).execute();
}
