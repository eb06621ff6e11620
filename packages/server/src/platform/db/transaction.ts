import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, DbOrTrx, Trx } from './schema.js';

const openTransaction = new AsyncLocalStorage<{ isOpen: boolean }>();
const guardedDatabases = new WeakSet<object>();

/**
 * Turns on the root-handle guard (see assertOutsideTransaction) for transactions opened on
 * `db`. It costs a few microseconds per request (async context tracking), so production
 * configurations leave it off; tests and development keep it on, on both dialects.
 */
export function guardTransactions(db: Db): void {
  guardedDatabases.add(db);
}

/**
 * Runs `work` in one transaction: everything it writes (business rows, audit events,
 * enqueued jobs) commits together or not at all. Called with a transaction already open,
 * it joins it instead of nesting.
 */
export async function inTransaction<T>(db: DbOrTrx, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  if (!guardedDatabases.has(db)) return (db as Db).transaction().execute(work);
  return (db as Db).transaction().execute(async (trx) => {
    const scope = { isOpen: true };
    try {
      return await openTransaction.run(scope, () => work(trx));
    } finally {
      scope.isOpen = false;
    }
  });
}

/**
 * Called by both dialects' drivers when a root-handle query asks for a connection. Inside
 * `inTransaction`'s work that is a bug: on SQLite it would wait forever for the connection
 * the transaction holds, on PostgreSQL it would silently read outside the transaction.
 */
export function assertOutsideTransaction(): void {
  if (openTransaction.getStore()?.isOpen === true) {
    throw new Error(
      'Query on the root database handle inside a transaction: use the transaction (trx) instead',
    );
  }
}
