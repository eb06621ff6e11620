import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Signing requests on any record (modules/signing, seed 004): templates, requests with their
 * documents (SHA-256 as sent), ordered signers with hashed link tokens, and the signatures
 * (seed record hash, per-signer certificate). Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await templates(db);
  await requests(db);
  await requestDocuments(db);
  await signers(db);
  await signatures(db);
}

async function templates(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_templates')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('template_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('template_code', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('entity_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('required_signatures_count', 'integer', (c) => c.notNull())
    .addColumn('signature_order', 'varchar(20)', (c) => c.notNull())
    .addColumn('allow_drawn_signature', 'integer', (c) => c.notNull())
    .addColumn('allow_typed_signature', 'integer', (c) => c.notNull())
    .addColumn('allow_image_signature', 'integer', (c) => c.notNull())
    .addColumn('allow_certificate_signature', 'integer', (c) => c.notNull())
    .addColumn('signature_valid_days', 'integer', (c) => c.notNull())
    .addColumn('request_expires_hours', 'integer', (c) => c.notNull())
    .addColumn('reminder_hours', 'integer')
    .addColumn('consent_text', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_template_entity')
    .on('digital_signature_templates')
    .columns(['entity_type', 'is_active'])
    .execute();
}

async function requests(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_requests')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_number', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('template_id', ID, (c) => c.references('digital_signature_templates.id'))
    .addColumn('entity_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('priority', 'varchar(20)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(64)')
    .addColumn('requested_by', ID)
    .addColumn('signature_order', 'varchar(20)', (c) => c.notNull())
    .addColumn('required_signatures_count', 'integer', (c) => c.notNull())
    .addColumn('request_expires_hours', 'integer', (c) => c.notNull())
    .addColumn('signature_valid_days', 'integer', (c) => c.notNull())
    .addColumn('allowed_types', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text')
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_at', TIME)
    .addColumn('sent_at', TIME)
    .addColumn('completed_at', TIME)
    .addColumn('cancelled_at', TIME)
    .addColumn('cancel_reason', 'text')
    .addColumn('reminder_hours', 'integer')
    .addColumn('last_reminded_at', TIME)
    .addColumn('seal_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('sealed_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_request_entity')
    .on('digital_signature_requests')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('idx_signature_request_status')
    .on('digital_signature_requests')
    .columns(['status', 'expires_at'])
    .execute();
}

async function requestDocuments(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_request_documents')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_id', ID, (c) => c.notNull().references('digital_signature_requests.id'))
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sent_version', 'integer', (c) => c.notNull())
    .addColumn('sent_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('current_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_request_documents')
    .on('digital_signature_request_documents')
    .columns(['request_id', 'position'])
    .unique()
    .execute();
}

async function signers(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_signers')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_id', ID, (c) => c.notNull().references('digital_signature_requests.id'))
    .addColumn('signer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('signer_email', 'varchar(200)')
    .addColumn('signer_phone', 'varchar(40)')
    .addColumn('signer_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('signing_order', 'integer', (c) => c.notNull())
    .addColumn('user_id', ID)
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('token_expires_at', TIME)
    .addColumn('viewed_at', TIME)
    .addColumn('signed_at', TIME)
    .addColumn('declined_at', TIME)
    .addColumn('decline_reason', 'text')
    .addColumn('signature_id', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_signature_signers_request')
    .on('digital_signature_signers')
    .columns(['request_id', 'signing_order'])
    .execute();
}

async function signatures(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signatures')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('signature_number', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('request_id', ID, (c) => c.notNull().references('digital_signature_requests.id'))
    .addColumn('signer_id', ID, (c) => c.notNull().references('digital_signature_signers.id'))
    .addColumn('entity_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('signature_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('signature_data', 'text', (c) => c.notNull())
    .addColumn('signature_strokes', 'text')
    .addColumn('signature_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('document_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('signer_email', 'varchar(200)')
    .addColumn('signer_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('ip_address', 'varchar(45)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('geolocation', 'text')
    .addColumn('consent_given', 'integer', (c) => c.notNull())
    .addColumn('consent_text', 'text')
    .addColumn('certificate_serial', 'varchar(64)', (c) => c.notNull())
    .addColumn('certificate_subject', 'varchar(500)', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('signed_at', TIME, (c) => c.notNull())
    .addColumn('valid_until', TIME, (c) => c.notNull())
    .addColumn('revoked_at', TIME)
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_digital_signature_entity')
    .on('digital_signatures')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('idx_digital_signature_request')
    .on('digital_signatures')
    .columns(['request_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'digital_signatures',
    'digital_signature_signers',
    'digital_signature_request_documents',
    'digital_signature_requests',
    'digital_signature_templates',
  ])
    await db.schema.dropTable(table).execute();
}
