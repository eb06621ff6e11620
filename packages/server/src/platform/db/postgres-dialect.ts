import {
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type pg from 'pg';
import { assertOutsideTransaction } from './transaction.js';

/**
 * PostgreSQL as Kysely's own dialect, except that a query on the root handle from inside
 * an open transaction is refused: it would read outside the transaction (and deadlock on
 * SQLite), so failing loudly keeps both dialects honest.
 */
export function guardedPostgresDialect(pool: pg.Pool): Dialect {
  const config = { pool };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new GuardedPostgresDriver(config),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector is typed for any schema
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class GuardedPostgresDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    assertOutsideTransaction();
    return super.acquireConnection();
  }
}
