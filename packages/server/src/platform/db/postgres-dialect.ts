import {
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  type PostgresPool,
  type PostgresPoolClient,
  PostgresQueryCompiler,
} from 'kysely';
import type pg from 'pg';
import { isDatabaseUnavailable } from './database-availability.js';
import { assertOutsideTransaction } from './transaction.js';

/**
 * PostgreSQL as Kysely's own dialect, except that a query on the root handle from inside
 * an open transaction is refused: it would read outside the transaction (and deadlock on
 * SQLite), so failing loudly keeps both dialects honest.
 */
export function guardedPostgresDialect(pool: pg.Pool): Dialect {
  const config = { pool: discardingBrokenConnections(pool) };
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

/**
 * A query that failed because its connection was terminated (57P01 arrives before the
 * socket closes) must not hand that connection back to the pool as healthy: the next
 * request would get it and fail too. Such a connection is released with the error, so the
 * pool destroys it and opens a fresh one.
 */
function discardingBrokenConnections(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let broken: Error | undefined;
      const query = (sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
        return client.query(sqlOrCursor, parameters as unknown[]).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) broken = error as Error;
          throw error;
        });
      };
      return { query, release: () => client.release(broken) } as unknown as PostgresPoolClient;
    },
  };
}
