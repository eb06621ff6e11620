import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Public PDF verification finds the SignX requests holding a file by its SHA-256. The hashes a
 * signature produced lived only in the `documents` JSON of digital_signatures, found by an
 * unindexed LIKE (a scan of every signature per upload); they get a table of their own with an
 * index, and the sent and current hashes of request documents get indexes. Existing signatures
 * are copied over. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('digital_signature_produced_hashes')
    .addColumn('signature_id', ID, (c) => c.notNull().references('digital_signatures.id'))
    .addColumn('request_id', ID, (c) => c.notNull().references('digital_signature_requests.id'))
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_digital_signature_produced_hashes', ['signature_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('idx_signature_produced_sha256')
    .on('digital_signature_produced_hashes')
    .columns(['sha256'])
    .execute();
  for (const column of ['sent_sha256', 'current_sha256'])
    await db.schema
      .createIndex(`idx_signature_request_documents_${column}`)
      .on('digital_signature_request_documents')
      .columns([column])
      .execute();
  await copyExisting(db);
}

/** Each existing signature's `documents` JSON ([{document_id, version, sha256}]) as rows. */
async function copyExisting(db: MigrationDb): Promise<void> {
  const rows = await db
    .selectFrom('digital_signatures')
    .select(['id', 'request_id', 'documents', 'created_at'])
    .execute();
  for (const row of rows) {
    const produced = JSON.parse(String(row.documents)) as {
      document_id: string;
      version: number;
      sha256: string;
    }[];
    if (produced.length === 0) continue;
    await db
      .insertInto('digital_signature_produced_hashes')
      .values(
        produced.map((p) => ({
          signature_id: row.id,
          request_id: row.request_id,
          document_id: p.document_id,
          version: p.version,
          sha256: p.sha256,
          created_at: row.created_at,
        })),
      )
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const column of ['sent_sha256', 'current_sha256'])
    await db.schema.dropIndex(`idx_signature_request_documents_${column}`).execute();
  await db.schema.dropTable('digital_signature_produced_hashes').execute();
}
