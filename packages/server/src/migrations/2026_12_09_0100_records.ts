import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Electronic records and signatures (21 CFR Part 11, EU GMP Annex 11; seed 002 §6): signature
 * policies (versioned: an update adds a row, the old one stays for the signatures made
 * under it), user signature settings with PIN history, signatures, the authentication log
 * of every ceremony attempt, and signing sessions bound to a login session.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('records_policies')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('policy_key', ID, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('policy_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('operation_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('signature_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('authentication_factors', 'integer', (c) => c.notNull())
    .addColumn('session_timeout', 'integer', (c) => c.notNull())
    .addColumn('session_absolute_timeout', 'integer', (c) => c.notNull())
    .addColumn('cooling_period', 'integer')
    .addColumn('require_reason', 'integer', (c) => c.notNull())
    .addColumn('allowed_meanings', 'text', (c) => c.notNull())
    .addColumn('created_by', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('records_policies_key_version_uq', ['policy_key', 'version'])
    .execute();
  await db.schema
    .createIndex('records_policies_target_idx')
    .on('records_policies')
    .columns(['resource_type', 'operation_type', 'is_current'])
    .execute();

  await db.schema
    .createTable('records_user_settings')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull().unique())
    .addColumn('preferred_method', 'varchar(50)', (c) => c.notNull())
    .addColumn('is_biometric_enabled', 'integer', (c) => c.notNull())
    .addColumn('pin_hash', 'varchar(255)')
    .addColumn('last_changed_at', TIME, (c) => c.notNull())
    .addColumn('pin_expiry_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('records_pin_history')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('pin_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_pin_history_user_idx')
    .on('records_pin_history')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('records_signatures')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('resource_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('operation_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('record_version', 'varchar(100)', (c) => c.notNull())
    .addColumn('record_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('policy_id', ID, (c) => c.notNull())
    .addColumn('signature_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('signature_value', 'text', (c) => c.notNull())
    .addColumn('signature_mean', 'varchar(100)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('signer_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('signing_session_id', ID, (c) => c.notNull())
    .addColumn('timestamp', TIME, (c) => c.notNull())
    .addColumn('ip_address', 'varchar(50)', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('verification_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['records_signatures_resource_idx', ['resource_type', 'resource_id', 'created_at']],
    ['records_signatures_user_idx', ['user_id', 'created_at']],
    ['records_signatures_created_idx', ['created_at', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('records_signatures')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('records_auth_log')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('signature_id', ID)
    .addColumn('signing_session_id', ID)
    .addColumn('authentication_method', 'varchar(50)', (c) => c.notNull())
    .addColumn('authentication_result', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempt_time', TIME, (c) => c.notNull())
    .addColumn('ip_address', 'varchar(50)', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('failure_reason', 'text')
    .execute();
  await db.schema
    .createIndex('records_auth_log_user_idx')
    .on('records_auth_log')
    .columns(['user_id', 'attempt_time'])
    .execute();

  await db.schema
    .createTable('records_signing_sessions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('login_session_id', ID, (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('signatures', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_used_at', TIME, (c) => c.notNull())
    .addColumn('terminated_at', TIME)
    .addColumn('terminated_reason', 'varchar(50)')
    .execute();
  await db.schema
    .createIndex('records_signing_sessions_user_idx')
    .on('records_signing_sessions')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('records_alerts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('kind', 'varchar(50)', (c) => c.notNull())
    .addColumn('window_key', 'varchar(50)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('records_alerts_window_uq', ['user_id', 'kind', 'window_key'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'records_alerts',
    'records_signing_sessions',
    'records_auth_log',
    'records_signatures',
    'records_pin_history',
    'records_user_settings',
    'records_policies',
  ])
    await db.schema.dropTable(table).execute();
}
