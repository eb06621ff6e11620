import { sql } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { StoragePort } from './storage.port.js';

declare module '../db/schema.js' {
  interface Tables {
    storage_objects: {
      key: string;
      size: number;
      ref_count: number;
      created_at: string;
      released_at: string | null;
    };
  }
}

/**
 * Reference counting for content-addressed storage. Identical files share one object, so
 * `StoragePort.delete` is never called by a module: a record that holds an object calls
 * `retainObject` in the transaction that files it and `releaseObject` in the one that drops
 * it; `collectUnreferenced` (a scheduled job) removes bytes nothing has referred to for a
 * grace period. An object only deleted by the collector can never vanish under a record
 * that still holds it.
 */
export async function retainObject(
  trx: Trx,
  storage: StoragePort,
  object: { key: string; size: number },
  at: Date,
): Promise<void> {
  await trx
    .insertInto('storage_objects')
    .values({
      key: object.key,
      size: object.size,
      ref_count: 1,
      created_at: at.toISOString(),
      released_at: null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ ref_count: sql`storage_objects.ref_count + 1`, released_at: null }),
    )
    .execute();
  // The row is now locked by this transaction. The collector deletes the row and the bytes
  // under that same lock, so bytes still present now stay present until commit and after.
  if (!(await storage.has(object.key))) {
    throw new AppError(
      'CONFLICT',
      'The file was removed from storage while it was being filed; please upload again',
      {
        details: { key: object.key },
      },
    );
  }
}

/** Drops one reference; at zero the object becomes collectable after the grace period. */
export async function releaseObject(trx: Trx, key: string, at: Date): Promise<void> {
  await trx
    .updateTable('storage_objects')
    .set({ ref_count: sql`ref_count - 1` })
    .where('key', '=', key)
    .where('ref_count', '>', 0)
    .execute();
  await trx
    .updateTable('storage_objects')
    .set({ released_at: at.toISOString() })
    .where('key', '=', key)
    .where('ref_count', '=', 0)
    .execute();
}

/**
 * Bytes that were put but whose filing failed (the transaction that would have retained
 * them rolled back): made collectable, unless something already counts them. Without this
 * they would stay forever, since the collector only sees objects it has a row for.
 */
export async function releaseUnfiled(
  db: DbOrTrx,
  object: { key: string; size: number },
  at: Date,
): Promise<void> {
  await db
    .insertInto('storage_objects')
    .values({
      key: object.key,
      size: object.size,
      ref_count: 0,
      created_at: at.toISOString(),
      released_at: at.toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** How many references an object has (0 when unknown). */
export async function referenceCount(db: DbOrTrx, key: string): Promise<number> {
  const row = await db
    .selectFrom('storage_objects')
    .select('ref_count')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? Number(row.ref_count) : 0;
}

/**
 * Deletes up to `limit` objects whose count has been zero since `releasedBefore` or earlier.
 * Each object goes in its own transaction: the row is deleted only while still at zero (a
 * concurrent `retainObject` either commits first, so the row no longer matches, or waits
 * for this transaction and then finds the bytes gone and refuses clearly).
 */
export async function collectUnreferenced(
  db: Db,
  storage: StoragePort,
  releasedBefore: Date,
  limit = 500,
): Promise<number> {
  const candidates = await db
    .selectFrom('storage_objects')
    .select('key')
    .where('ref_count', '=', 0)
    .where('released_at', '<=', releasedBefore.toISOString())
    .limit(limit)
    .execute();
  let removed = 0;
  for (const { key } of candidates) {
    const gone = await inTransaction(db, async (trx) => {
      const deleted = await trx
        .deleteFrom('storage_objects')
        .where('key', '=', key)
        .where('ref_count', '=', 0)
        .where('released_at', '<=', releasedBefore.toISOString())
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return false;
      await storage.delete(key);
      return true;
    });
    if (gone) removed += 1;
  }
  return removed;
}
