import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import pg from 'pg';
import { guardedPostgresDialect } from './postgres-dialect.js';
import type { Db, Dialect } from './schema.js';
import { createSqliteDialect } from './sqlite-dialect.js';
import { guardTransactions } from './transaction.js';

export interface DatabaseOptions {
  dialect: Dialect;
  /** SQLite file (or ':memory:'). */
  file?: string | undefined;
  /** PostgreSQL connection string. */
  url?: string | undefined;
  poolMax?: number;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  searchPath?: string;
  /**
   * Told about errors of idle pooled connections (server restart, failover, network). The
   * pool replaces such connections; without a listener the process would crash.
   */
  onPoolError?: (error: Error) => void;
  /** Refuse root-handle queries inside transactions (default on; production turns it off for speed). */
  guardTransactions?: boolean;
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
  if (options.guardTransactions !== false) guardTransactions(db);
  return { db, dialect: options.dialect, destroy: () => db.destroy() };
}

function dialectFor(options: DatabaseOptions) {
  if (options.dialect === 'sqlite') {
    const file = options.file ?? ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return createSqliteDialect(file);
  }
  const sessionSettings = [
    '-c idle_in_transaction_session_timeout=300000',
    ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : []),
  ];
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    options: sessionSettings.join(' '),
  });
  pool.on('error', (error) => (options.onPoolError ?? reportPoolError)(error));
  return guardedPostgresDialect(pool);
}

function reportPoolError(error: Error): void {
  process.stderr.write(`signx: PostgreSQL connection lost (${error.message}); it will be replaced\n`);
}
