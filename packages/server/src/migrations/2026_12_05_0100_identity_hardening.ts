import { type MigrationDb, TIME } from './migration-kit.js';

/**
 * Identity hardening: the per-IP sign-in throttle becomes a counter that is checked and
 * incremented in one statement (a parallel burst can no longer overrun it), and every
 * seeded system role requires MFA, as new installations now seed them.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('ip', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('window_started_at', TIME, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
  await db.updateTable('roles').set({ mfa_required: 1 }).where('is_system', '=', 1).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
