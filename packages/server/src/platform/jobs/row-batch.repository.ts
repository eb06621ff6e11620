import { type Kysely, sql } from 'kysely';
import type { DbOrTrx, Tables, Trx } from '../db/schema.js';

/**
 * SQL of a "row batch": a parent row with `total`, `done_count` and `failed_count`, and child
 * rows each settled once (pending → done, failed or cancelled) by a job that runs at least once.
 * Document-template batches and signing bulk sends are both this; each names its two tables.
 */
export type RowBatchItemStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export interface RowBatchParent {
  id: string;
  status: string;
  total: number;
  done_count: number;
  failed_count: number;
  updated_at: string;
  finished_at: string | null;
}

export interface RowBatchItem {
  id: string;
  row_index: number;
  status: RowBatchItemStatus;
  updated_at: string;
}

export interface RowBatchTables {
  parent: keyof Tables & string;
  items: keyof Tables & string;
  /** The items' column naming their parent. */
  parentColumn: string;
}

/** Rows per insert: keeps each statement under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 200;

export function rowBatchRepository<P extends RowBatchParent, I extends RowBatchItem>(tables: RowBatchTables) {
  const { parent, items, parentColumn } = tables;
  // the table names are data here, so the typed table map cannot follow them; results are cast back to P / I
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const loose = (db: DbOrTrx) => db as unknown as Kysely<any>;

  async function find(db: DbOrTrx, id: string): Promise<P | undefined> {
    return (await loose(db).selectFrom(parent).selectAll().where('id', '=', id).executeTakeFirst()) as
      | P
      | undefined;
  }

  return {
    find,

    async insert(trx: Trx, row: P, rows: I[]): Promise<void> {
      await loose(trx).insertInto(parent).values(row).execute();
      for (let start = 0; start < rows.length; start += INSERT_CHUNK)
        await loose(trx)
          .insertInto(items)
          .values(rows.slice(start, start + INSERT_CHUNK))
          .execute();
    },

    /** The items in row order, optionally of one status. */
    async items(db: DbOrTrx, parentId: string, status?: RowBatchItemStatus): Promise<I[]> {
      let query = loose(db).selectFrom(items).selectAll().where(parentColumn, '=', parentId);
      if (status) query = query.where('status', '=', status);
      return (await query.orderBy('row_index').execute()) as I[];
    },

    /** Moves the parent between statuses only from one it is still in (compare-and-set). */
    async move(
      db: DbOrTrx,
      id: string,
      from: P['status'][],
      changes: Partial<Omit<P, 'id'>> & { status: P['status'] },
    ): Promise<boolean> {
      const result = await loose(db)
        .updateTable(parent)
        .set(changes)
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Settles one pending item; false when it was settled before (a re-run of the job). */
    async settle(db: DbOrTrx, id: string, changes: Partial<Omit<I, 'id'>>): Promise<boolean> {
      const result = await loose(db)
        .updateTable(items)
        .set(changes)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Cancels a queued or running parent and its pending items; false (nothing changed) when it
     * had already finished. Items already settled keep their result.
     */
    async cancel(trx: Trx, id: string, at: string): Promise<boolean> {
      const moved = await loose(trx)
        .updateTable(parent)
        .set({ status: 'cancelled', updated_at: at, finished_at: at })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      await loose(trx)
        .updateTable(items)
        .set({ status: 'cancelled', updated_at: at })
        .where(parentColumn, '=', id)
        .where('status', '=', 'pending')
        .execute();
      return true;
    },

    /** Recounts done and failed from the items (the truth) in one statement: exact under concurrent lanes and re-runs. */
    async refreshCounts(db: DbOrTrx, id: string, at: string): Promise<P | undefined> {
      const count = (status: RowBatchItemStatus) =>
        loose(db)
          .selectFrom(items)
          .select(sql<number>`count(*)`.as('n'))
          .where(parentColumn, '=', id)
          .where('status', '=', status);
      await loose(db)
        .updateTable(parent)
        .set({ done_count: count('done'), failed_count: count('failed'), updated_at: at })
        .where('id', '=', id)
        .execute();
      return find(db, id);
    },
  };
}
