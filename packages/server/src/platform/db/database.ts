import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import pg from 'pg';
import { DatabaseAvailability } from './database-availability.js';
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
  /** How long a new PostgreSQL connection may take before the request fails with 503 (default 5 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL application_name, so operators (and fault tests) can tell SignX's connections apart. */
  applicationName?: string;
  /** Refuse root-handle queries inside transactions (default on; production turns it off for speed). */
  guardTransactions?: boolean;
}

/** A database handle and what callers need to know about it. */
export interface Database {
  db: Db;
  dialect: Dialect;
  /** Up or down, logged once per change (see database-availability.ts). */
  availability: DatabaseAvailability;
  destroy(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), bigint) as strings; SignX's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function createDatabase(options: DatabaseOptions): Database {
  const availability = new DatabaseAvailability();
  const db = new Kysely<never>({ dialect: dialectFor(options, availability) }) as unknown as Db;
  if (options.guardTransactions !== false) guardTransactions(db);
  return { db, dialect: options.dialect, availability, destroy: () => db.destroy() };
}

function dialectFor(options: DatabaseOptions, availability: DatabaseAvailability) {
  if (options.dialect === 'sqlite') {
    const file = options.file ?? ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return createSqliteDialect(file, availability);
  }
  const sessionSettings = [
    '-c idle_in_transaction_session_timeout=300000',
    ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : []),
  ];
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    options: sessionSettings.join(' '),
    application_name: options.applicationName ?? 'signx',
    keepAlive: true,
  });
  watchConnections(pool, availability);
  return guardedPostgresDialect(pool);
}

/**
 * A connection the server closes (restart, failover, pg_terminate_backend, a network cut)
 * emits 'error' on its client, idle or busy; unheard, that event ends the process. Every
 * client gets a listener: the query in flight fails on its own (the request answers 503),
 * the pool discards the broken client when it is released, and a new connection opens on
 * demand. The pool's own 'error' event covers idle clients.
 */
function watchConnections(pool: pg.Pool, availability: DatabaseAvailability): void {
  pool.on('error', (error) => availability.failed(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => availability.failed(error));
    availability.succeeded();
  });
}
