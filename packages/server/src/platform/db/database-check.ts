import { sql } from 'kysely';
import type { Database } from './database.js';

/**
 * Checks a database before anything is built on it. `reachability` is cheap (start-up): the
 * database answers and, for SQLite, the file is a SQLite database at all, so a server never
 * writes a new keyring or runs migrations beside a garbage file. `integrity` reads every
 * page (SQLite `PRAGMA quick_check`, what `signx doctor` runs): a page-corrupted file opens
 * fine and fails only the reads that touch the damage.
 */
export async function checkReachable(database: Database): Promise<void> {
  if (database.dialect === 'sqlite') {
    await sql`select count(*) as n from sqlite_master`.execute(database.db);
  } else {
    await sql`select 1`.execute(database.db);
  }
}

/** Problems SQLite's quick_check finds (empty: none); PostgreSQL checks its pages itself. */
export async function integrityProblems(database: Database, limit = 10): Promise<string[]> {
  if (database.dialect !== 'sqlite') return [];
  const { rows } = await sql<Record<string, string>>`pragma quick_check(${sql.raw(String(limit))})`.execute(
    database.db,
  );
  const lines = rows.map((row) => String(Object.values(row)[0]));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}
