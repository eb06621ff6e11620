import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Fields placed per signer on the pages of a signing request's documents (page-percent
 * coordinates, origin top-left), with the value filled in (by the signer, or pre-filled by an
 * assistant); and on signers, the any-of-N group and the signer an assistant fills for.
 * Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_fields')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('request_id', ID, (c) =>
      c.notNull().references('digital_signature_requests.id').onDelete('cascade'),
    )
    .addColumn('signer_id', ID, (c) =>
      c.notNull().references('digital_signature_signers.id').onDelete('cascade'),
    )
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('field_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('x', 'double precision', (c) => c.notNull())
    .addColumn('y', 'double precision', (c) => c.notNull())
    .addColumn('width', 'double precision', (c) => c.notNull())
    .addColumn('height', 'double precision', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('label', 'varchar(200)')
    .addColumn('options', 'text')
    .addColumn('value', 'text')
    .addColumn('filled_by', ID)
    .addColumn('filled_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('digital_signature_fields_request')
    .on('digital_signature_fields')
    .columns(['request_id', 'position'])
    .execute();
  await db.schema.alterTable('digital_signature_signers').addColumn('signing_group', 'varchar(50)').execute();
  await db.schema.alterTable('digital_signature_signers').addColumn('assists_signer_id', ID).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('digital_signature_signers').dropColumn('assists_signer_id').execute();
  await db.schema.alterTable('digital_signature_signers').dropColumn('signing_group').execute();
  await db.schema.dropTable('digital_signature_fields').execute();
}
