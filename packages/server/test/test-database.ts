import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';
import type { Dialect } from '../src/platform/db/schema.js';

/**
 * The dialect the server suite runs on: SQLite by default; PostgreSQL when
 * SIGNX_TEST_DIALECT=postgres (`npm run test:services`, and CI). PostgreSQL must then be
 * reachable: the suite fails, it never skips.
 */
export const testDialect: Dialect = process.env.SIGNX_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
export const testPostgresUrl =
  process.env.SIGNX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** SQLite file or PostgreSQL schema, for tests that open a second connection. */
  location: { file?: string; url?: string; searchPath?: string };
  /**
   * A second handle on the same data, as another process would have. On PostgreSQL a new
   * pool; on SQLite the same connection, because better-sqlite3 blocks the event loop while
   * waiting for a lock, so two connections in one process would wait on each other
   * (cross-process SQLite concurrency is tested with child processes).
   */
  reopen(): Database;
}

/**
 * Opens the database a test handed to a child process as its `location` (JSON in argv):
 * the worker processes of the cross-process job tests.
 */
export function openTestLocation(location: TestDatabase['location'], poolMax: number): Database {
  return location.file
    ? createDatabase({ dialect: 'sqlite', file: location.file })
    : createDatabase({
        dialect: 'postgres',
        url: location.url,
        searchPath: location.searchPath ?? 'public',
        poolMax,
      });
}

/**
 * A fresh, migrated database of the test dialect; `destroy()` removes it. When the run's
 * global setup migrated a template (test/global-setup.ts), the database is a copy of it;
 * otherwise (a project without that setup) it is migrated here.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate !== false;
  const template = migrate ? process.env.SIGNX_TEST_TEMPLATE : undefined;
  const handle = testDialect === 'sqlite' ? sqliteDatabase(template) : await postgresDatabase(template);
  if (migrate && !template) await migrateToLatest(handle.db);
  return handle;
}

function sqliteDatabase(template: string | undefined): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'signx-db-'));
  const file = join(dir, 'test.db');
  if (template) copyFileSync(template, file);
  const database = createDatabase({ dialect: 'sqlite', file });
  return {
    ...database,
    location: { file },
    reopen: () => ({ ...database, destroy: async () => {} }),
    destroy: async () => {
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the server's maintenance connection (create and drop database). */
async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function postgresDatabase(template: string | undefined): Promise<TestDatabase> {
  const name = `t_${process.env.SIGNX_TEST_RUN ?? 'norun000'}_${randomBytes(6).toString('hex')}`;
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const open = () =>
    createDatabase({ dialect: 'postgres', url: url.toString(), searchPath: 'public', poolMax: 5 });
  const database = open();
  return {
    ...database,
    location: { url: url.toString(), searchPath: 'public' },
    reopen: open,
    // Force: a child process or a second pool of the test may still hold a connection.
    destroy: async () => {
      await database.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
