import type { Db, DbOrTrx, Trx } from './schema.js';

/**
 * Runs `work` in one transaction: everything it writes (business rows, audit events,
 * enqueued jobs) commits together or not at all. Called with a transaction already open,
 * it joins it instead of nesting.
 */
export async function inTransaction<T>(db: DbOrTrx, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  return (db as Db).transaction().execute(work);
}
