import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * EU GMP Annex 11 §9 and 21 CFR 11.10(e): the per-category setting that makes documents
 * regulated records (a change or deletion needs a reason, platform/regulated-records.ts),
 * and the audit-trail reviews of the records module (reviewer, period, scope, findings,
 * sign-off by an electronic signature).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('document_retention_policies')
    .addColumn('reason_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('records_audit_reviews')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('reviewer_id', ID, (c) => c.notNull())
    .addColumn('period_from', TIME, (c) => c.notNull())
    .addColumn('period_to', TIME, (c) => c.notNull())
    .addColumn('scope_module', 'varchar(50)')
    .addColumn('scope_entity_type', 'varchar(50)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('signature_id', ID)
    .addColumn('signed_off_at', TIME)
    .addColumn('created_by', ID, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_audit_reviews_period_idx')
    .on('records_audit_reviews')
    .columns(['period_from', 'period_to'])
    .execute();
  await db.schema
    .createTable('records_audit_review_findings')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('review_id', ID, (c) => c.notNull())
    .addColumn('severity', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', ID, (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_audit_review_findings_review_idx')
    .on('records_audit_review_findings')
    .columns(['review_id', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('records_audit_review_findings').execute();
  await db.schema.dropTable('records_audit_reviews').execute();
  await db.schema.alterTable('document_retention_policies').dropColumn('reason_required').execute();
}
