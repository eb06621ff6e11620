import { ID, type MigrationDb, TIME } from './migration-kit.js';

/**
 * Identity and access: users, departments, roles with inheritance and data scopes,
 * the permission catalogue, sessions with refresh-token families, MFA factors, one-time
 * codes, API keys, the login log and step-up proofs. Secrets are stored only as hashes.
 */
export async function up(db: MigrationDb): Promise<void> {
  await accounts(db);
  await authorization(db);
  await sessions(db);
  await factors(db);
  await integrations(db);
}

async function accounts(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('parent_id', ID, (c) => c.references('departments.id'))
    .addColumn('path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('head_user_id', ID)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('departments_path_idx').on('departments').column('path').execute();
  await db.schema
    .createTable('users')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)')
    .addColumn('phone', 'varchar(32)')
    .addColumn('department_id', ID, (c) => c.references('departments.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('identity_level', 'varchar(32)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('password_changed_at', TIME)
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', TIME)
    .addColumn('last_login_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('disabled_at', TIME)
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();
  await db.schema
    .createIndex('users_created_idx')
    .on('users')
    .columns(['created_at', 'id', 'department_id', 'row_version'])
    .execute();
  await db.schema
    .createTable('password_history')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_user_idx')
    .on('password_history')
    .columns(['user_id', 'created_at'])
    .execute();
}

async function authorization(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('roles')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'varchar(1000)', (c) => c.notNull())
    .addColumn('parent_id', ID, (c) => c.references('roles.id'))
    .addColumn('data_scope', 'varchar(32)', (c) => c.notNull())
    .addColumn('mfa_required', 'integer', (c) => c.notNull())
    .addColumn('grant_rule', 'varchar(16)', (c) => c.notNull())
    .addColumn('is_system', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('permissions')
    .addColumn('code', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('module', 'varchar(64)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('role_permissions')
    .addColumn('role_id', ID, (c) => c.notNull().references('roles.id'))
    .addColumn('permission_code', 'varchar(128)', (c) => c.notNull().references('permissions.code'))
    .addPrimaryKeyConstraint('role_permissions_pk', ['role_id', 'permission_code'])
    .execute();
  await db.schema
    .createTable('role_departments')
    .addColumn('role_id', ID, (c) => c.notNull().references('roles.id'))
    .addColumn('department_id', ID, (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('role_departments_pk', ['role_id', 'department_id'])
    .execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('role_id', ID, (c) => c.notNull().references('roles.id'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role_id'])
    .execute();
  await db.schema.createIndex('user_roles_role_idx').on('user_roles').column('role_id').execute();
  await db.schema
    .createTable('identity_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('authz_version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('identity_state').values({ id: 1, authz_version: 1 }).execute();
}

async function sessions(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('user_sessions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('auth_method', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('mfa_verified_at', TIME)
    .addColumn('signed_at', TIME)
    .addColumn('revoked_at', TIME)
    .addColumn('revoke_reason', 'varchar(64)')
    .execute();
  await db.schema
    .createIndex('user_sessions_user_idx')
    .on('user_sessions')
    .columns(['user_id', 'revoked_at'])
    .execute();
  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('session_id', ID, (c) => c.notNull().references('user_sessions.id'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
  await db.schema
    .createTable('step_up_proofs')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('proof_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('session_id', ID)
    .addColumn('factors', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
}

async function factors(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('totp_factors')
    .addColumn('user_id', ID, (c) => c.primaryKey().references('users.id'))
    .addColumn('secret_encrypted', 'varchar(500)', (c) => c.notNull())
    .addColumn('confirmed_at', TIME)
    .addColumn('last_step', 'bigint', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('used_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('one_time_codes')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(64)')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute();
  await db.schema
    .createIndex('one_time_codes_lookup_idx')
    .on('one_time_codes')
    .columns(['user_id', 'purpose', 'used_at'])
    .execute();
  await db.schema.createIndex('one_time_codes_hash_idx').on('one_time_codes').column('code_hash').execute();
}

async function integrations(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(32)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('owner_user_id', ID, (c) => c.notNull().references('users.id'))
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME)
    .addColumn('last_used_at', TIME)
    .addColumn('revoked_at', TIME)
    .execute();
  await db.schema
    .createTable('login_log')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('user_id', ID)
    .addColumn('username', 'varchar(128)', (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(500)', (c) => c.notNull())
    .addColumn('method', 'varchar(32)', (c) => c.notNull())
    .addColumn('result', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(64)')
    .execute();
  await db.schema.createIndex('login_log_at_idx').on('login_log').column('at').execute();
  await db.schema.createIndex('login_log_ip_idx').on('login_log').columns(['ip', 'result', 'at']).execute();
  await db.schema.createIndex('login_log_user_idx').on('login_log').columns(['user_id', 'at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  const tables = [
    'login_log',
    'api_keys',
    'one_time_codes',
    'recovery_codes',
    'totp_factors',
    'step_up_proofs',
    'refresh_tokens',
    'user_sessions',
    'identity_state',
    'user_roles',
    'role_departments',
    'role_permissions',
    'permissions',
    'roles',
    'password_history',
    'users',
    'departments',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
