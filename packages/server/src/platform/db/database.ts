import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Db, Dialect } from './schema.js';
import { createSqliteDialect } from './sqlite-dialect.js';

export interface DatabaseOptions {
  dialect: Dialect;
  /** SQLite file (or ':memory:'). */
  file?: string | undefined;
  /** PostgreSQL connection string. */
  url?: string | undefined;
  poolMax?: number;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  searchPath?: string;
}

/** A database handle and what callers need to know about it. */
export interface Database {
  db: Db;
  dialect: Dialect;
  destroy(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), bigint) as strings; SignX's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function createDatabase(options: DatabaseOptions): Database {
  const db = new Kysely<never>({ dialect: dialectFor(options) }) as unknown as Db;
  return { db, dialect: options.dialect, destroy: () => db.destroy() };
}

function dialectFor(options: DatabaseOptions) {
  if (options.dialect === 'sqlite') {
    const file = options.file ?? ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return createSqliteDialect(file);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  return new PostgresDialect({ pool });
}
