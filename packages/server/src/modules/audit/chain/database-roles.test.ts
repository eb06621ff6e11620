import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSome } from '../../../../test/audit-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import { createDatabase } from '../../../platform/db/database.js';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  await recordSome(database.db, 3);
});
afterEach(async () => {
  await database.destroy();
});

/**
 * The application's own database login cannot rewrite history: on PostgreSQL a non-owner
 * role (set up as docs/audit.md describes) can neither update nor switch off the guards;
 * on SQLite, which has no roles, the triggers refuse every statement.
 */
describe('append-only for the application role', () => {
  it('refuses UPDATE, DELETE and disabling the guards', async () => {
    if (database.dialect === 'sqlite') {
      const triggers = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'trigger' and name like 'audit_%' order by name`.execute(
        database.db,
      );
      expect(triggers.rows.map((r) => r.name)).toEqual([
        'audit_archives_no_delete',
        'audit_archives_no_update',
        'audit_checkpoints_no_delete',
        'audit_checkpoints_no_update',
        'audit_events_no_delete',
        'audit_events_no_update',
      ]);
      await expect(sql`update audit_events set seq = seq + 100`.execute(database.db)).rejects.toThrow(
        /append-only/,
      );
      return;
    }
    const role = `signx_app_${randomBytes(4).toString('hex')}`;
    const schema = database.location.searchPath as string;
    for (const statement of [
      `create role ${role} login password 'app'`,
      `grant usage on schema ${schema} to ${role}`,
      `grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
      `revoke update, delete, truncate on ${schema}.audit_events, ${schema}.audit_checkpoints, ${schema}.audit_archives from ${role}`,
    ])
      await sql.raw(statement).execute(database.db);
    const url = new URL(database.location.url as string);
    url.username = role;
    url.password = 'app';
    const app = createDatabase({ dialect: 'postgres', url: url.toString(), searchPath: schema, poolMax: 1 });
    try {
      await expect(sql`update audit_events set reason = 'x'`.execute(app.db)).rejects.toThrow(
        /permission denied/,
      );
      await expect(sql`delete from audit_events`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`truncate audit_events`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`alter table audit_events disable trigger user`.execute(app.db)).rejects.toThrow(
        /must be owner/,
      );
      const rows = await sql<{ n: number }>`select count(*) as n from audit_events`.execute(app.db);
      expect(Number(rows.rows[0]?.n)).toBe(3);
    } finally {
      await app.destroy();
      await sql.raw(`drop owned by ${role}`).execute(database.db);
      await sql.raw(`drop role ${role}`).execute(database.db);
    }
  });
});
