import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type SqliteStatement,
} from 'kysely';
import { ConnectionQueue } from './connection-queue.js';
import type { DatabaseAvailability } from './database-availability.js';
import { assertOutsideTransaction } from './transaction.js';

/**
 * better-sqlite3 waits for a lock synchronously, freezing the event loop; so the database
 * waits only briefly (busy_timeout) and a write transaction that finds the database busy
 * (another `serve --workers` process is writing) retries BEGIN IMMEDIATE asynchronously,
 * letting this process serve other requests meanwhile.
 */
const syncBusyWaitMs = 100;
const beginDeadlineMs = 15_000;
const statisticsEveryMs = 5 * 60_000;

/**
 * SQLite with the settings a server needs: WAL so readers never block the writer, a short busy
 * timeout plus asynchronous retries so concurrent processes (`serve --workers`) wait instead of failing, foreign keys
 * on, and write transactions that start with BEGIN IMMEDIATE so two transactions never
 * deadlock upgrading a read lock to a write lock.
 */
export function createSqliteDialect(file: string, availability: DatabaseAvailability): Dialect {
  const config = {
    database: async () => {
      const database = new Database(file);
      database.pragma('journal_mode = WAL');
      database.pragma(`busy_timeout = ${syncBusyWaitMs}`);
      database.pragma('foreign_keys = ON');
      database.pragma('synchronous = NORMAL');
      refreshPlannerStatistics(database);
      const statistics = setInterval(() => refreshPlannerStatistics(database), statisticsEveryMs);
      statistics.unref();
      return withStatementCache(database, () => clearInterval(statistics));
    },
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => {
      const slot: ConnectionSlot = { connection: undefined };
      const onCreateConnection = async (connection: DatabaseConnection) => {
        slot.connection = connection;
      };
      return new ImmediateSqliteDriver({ ...config, onCreateConnection }, slot, availability);
    },
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector is typed for any schema
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/**
 * Planner statistics (sqlite_stat1), refreshed when a connection opens and every few minutes
 * as SQLite recommends for long-lived connections (`PRAGMA optimize=0x10002`, bounded by
 * analysis_limit; it only re-analyzes tables whose size changed ~10x). Without statistics
 * SQLite sorts a whole data scope instead of reading an ordered index (a scoped user list:
 * 4x slower); with statistics from when a table was tiny it may scan it instead of using its
 * primary key, hence the periodic refresh. Best effort: a busy database only postpones it.
 */
function refreshPlannerStatistics(database: Database.Database): void {
  if (database.inTransaction) return;
  try {
    database.pragma('analysis_limit = 400');
    database.pragma('optimize = 0x10002');
  } catch {
    // SQLITE_BUSY: statistics stay as they are until the next connection opens.
  }
}

/**
 * Kysely prepares every query afresh; preparing costs as much as running a small query.
 * Statements are cached by SQL text (SQLite re-prepares them itself after schema changes).
 * Reads return their rows through `rowsOf` (see there). DDL run through this connection
 * (migrations, tests' tables) empties the cache, so no row shape outlives a schema change.
 */
function withStatementCache(
  database: Database.Database,
  onClose: () => void,
  capacity = 500,
): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      onClose();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) return statement;
      if (schemaChange.test(sql)) cache.clear();
      statement = rowsOf(database, database.prepare(sql));
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

const schemaChange = /^\s*(create|alter|drop)\b/i;

/**
 * better-sqlite3 builds each row object property by property from C++, about a quarter of a
 * 20-row page's read time; asking for arrays (`raw`) and building the objects in JavaScript
 * with one literal per statement (a stable shape V8 allocates at once) gives the same
 * objects: same keys in column order, the last of two same-named columns wins. A result
 * whose width differs from the prepared one (another process changed the schema under a
 * cached statement) is named from the statement's current columns instead. Streams
 * (`iterate`) and writes use the plain statement.
 */
function rowsOf(database: Database.Database, statement: Database.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((column) => column.name);
  if (names.includes('__proto__')) return statement;
  const arrays = database.prepare(statement.source).raw(true);
  const body = names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  const objectOf = new Function('row', `return { ${body} };`) as (row: unknown[]) => unknown;
  return {
    reader: true,
    all: (parameters) => {
      const rows = arrays.all(parameters) as unknown[][];
      const toObject = rows[0] && rows[0].length !== names.length ? namedBy(arrays) : objectOf;
      return rows.map(toObject);
    },
    run: (parameters) => statement.run(parameters),
    iterate: (parameters) => statement.iterate(parameters),
  };
}

/** The slow path of `rowsOf`: names a row by the statement's columns as they are now. */
function namedBy(statement: Database.Statement): (row: unknown[]) => unknown {
  const names = statement.columns().map((column) => column.name);
  return (row) => {
    const object: Record<string, unknown> = {};
    names.forEach((name, i) => {
      object[name] = row[i];
    });
    return object;
  };
}

/** The driver's one connection, handed over by Kysely's `onCreateConnection` when it opens. */
interface ConnectionSlot {
  connection: DatabaseConnection | undefined;
}

class ImmediateSqliteDriver extends SqliteDriver {
  private readonly queue = new ConnectionQueue();

  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly slot: ConnectionSlot,
    private readonly availability: DatabaseAvailability,
  ) {
    super(config);
  }

  /**
   * Refuses, instead of deadlocking, a root-handle query from inside an open transaction;
   * otherwise waits its turn for the connection (connection-queue.ts, in place of Kysely's
   * mutex).
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    assertOutsideTransaction();
    await this.queue.acquire();
    const connection = this.slot.connection;
    if (!connection) {
      this.queue.release();
      throw new Error('SQLite connection used before the driver was initialised');
    }
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    this.queue.release();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + beginDeadlineMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        this.availability.succeeded();
        return;
      } catch (error) {
        const isBusy = (error as { code?: string }).code === 'SQLITE_BUSY';
        if (isBusy && Date.now() > deadline) this.availability.failed(error);
        if (!isBusy || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) + Math.random() * 10));
      }
    }
  }
}
