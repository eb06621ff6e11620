import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Organisation seals (组织印章): the registry, who may use which seal, and the log of every
 * use. Frozen once shipped.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('seals')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('organisation', 'varchar(200)', (c) => c.notNull())
    .addColumn('seal_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('design', 'text')
    .addColumn('image_png', 'text')
    .addColumn('size_pt', 'integer', (c) => c.notNull())
    .addColumn('certificate_id', ID)
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('seals_org_name_uq', ['organisation', 'name'])
    .execute();
  await db.schema.createIndex('seals_created_idx').on('seals').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('seal_authorisations')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('seal_id', ID, (c) => c.notNull().references('seals.id'))
    .addColumn('subject_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('valid_from', TIME, (c) => c.notNull())
    .addColumn('valid_until', TIME, (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('workflow_definition_id', ID)
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('revoked_at', TIME)
    .execute();
  await db.schema
    .createIndex('seal_authorisations_seal_idx')
    .on('seal_authorisations')
    .columns(['seal_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('seal_uses')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('seal_id', ID, (c) => c.notNull().references('seals.id'))
    .addColumn('user_id', ID)
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('document_id', ID, (c) => c.notNull())
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addColumn('sealed_version', 'integer', (c) => c.notNull())
    .addColumn('placement', 'varchar(16)', (c) => c.notNull())
    .addColumn('pages', 'text', (c) => c.notNull())
    .addColumn('authorisation_id', ID)
    .addColumn('approval_id', ID)
    .addColumn('signed_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('seal_uses_seal_idx')
    .on('seal_uses')
    .columns(['seal_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('seal_uses_created_idx')
    .on('seal_uses')
    .columns(['created_at', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('seal_uses').execute();
  await db.schema.dropTable('seal_authorisations').execute();
  await db.schema.dropTable('seals').execute();
}
