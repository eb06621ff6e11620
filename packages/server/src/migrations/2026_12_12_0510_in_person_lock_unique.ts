import type { MigrationDb } from './migration-kit.js';

/**
 * The in-person host lock was held by the application only: the start checked that the host's
 * login session held no open session, then inserted one. Two starts racing from the same login
 * session (two tabs, a double click reaching two nodes) could both pass the check under
 * PostgreSQL's read committed. `locking_session_id` is the host's login session while the lock
 * is held and NULL once unlocked; a UNIQUE index on it lets at most one locking row per login
 * session exist (NULLs never collide, in SQLite, PostgreSQL and MySQL alike). Existing locks are
 * copied over, the newest per login session; an older duplicate (only a past race could make
 * one) stays in the table, no longer locking.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('digital_signature_in_person_sessions')
    .addColumn('locking_session_id', 'varchar(64)')
    .execute();
  const open = await db
    .selectFrom('digital_signature_in_person_sessions')
    .select(['id', 'host_session_id', 'started_at'])
    .where('unlocked_at', 'is', null)
    .where('host_session_id', 'is not', null)
    .orderBy('started_at', 'desc')
    .execute();
  const seen = new Set<string>();
  for (const row of open) {
    const host = String(row.host_session_id);
    if (seen.has(host)) continue;
    seen.add(host);
    await db
      .updateTable('digital_signature_in_person_sessions')
      .set({ locking_session_id: host })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema
    .createIndex('uq_signature_in_person_locking')
    .on('digital_signature_in_person_sessions')
    .columns(['locking_session_id'])
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('uq_signature_in_person_locking').execute();
  await db.schema
    .alterTable('digital_signature_in_person_sessions')
    .dropColumn('locking_session_id')
    .execute();
}
