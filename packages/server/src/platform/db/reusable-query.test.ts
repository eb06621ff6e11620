import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { reusableInsert, reusableQuery } from './reusable-query.js';
import type { DbOrTrx } from './schema.js';
import { inTransaction } from './transaction.js';

// records_alerts: a table without foreign keys, so rows can be written freely.
const alert = (id: string, kind: string) => ({
  id,
  user_id: 'u1',
  kind,
  window_key: id,
  detail: `${kind} ${id}`,
  created_at: '2026-12-07T12:00:00.000Z',
});

describe('statements compiled once (reusable-query)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('runs each call with its own arguments, on the database and in a transaction', async () => {
    const insert = reusableInsert('records_alerts');
    await insert(database.db, alert('a1', 'new_network'));
    await inTransaction(database.db, (trx) => insert(trx, alert('a2', 'unusual_hour')));
    let built = 0;
    const byKind = reusableQuery((db: DbOrTrx, userId: string, kind: string) => {
      built += 1;
      return db
        .selectFrom('records_alerts')
        .select(['id', 'detail'])
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .orderBy('id');
    }, 2);
    expect((await byKind(database.db, 'u1', 'new_network')).rows).toEqual([
      { id: 'a1', detail: 'new_network a1' },
    ]);
    expect((await byKind(database.db, 'u1', 'unusual_hour')).rows).toEqual([
      { id: 'a2', detail: 'unusual_hour a2' },
    ]);
    expect(
      await inTransaction(database.db, async (trx) => (await byKind(trx, 'u2', 'new_network')).rows),
    ).toEqual([]);
    expect(built).toBe(1);
  });

  it('an update reports the rows it changed', async () => {
    const rename = reusableQuery(
      (db: DbOrTrx, id: string, detail: string) =>
        db.updateTable('records_alerts').set({ detail }).where('id', '=', id),
      2,
    );
    expect(Number((await rename(database.db, 'a1', 'renamed')).numAffectedRows)).toBe(1);
    expect(Number((await rename(database.db, 'missing', 'renamed')).numAffectedRows)).toBe(0);
    const row = await database.db
      .selectFrom('records_alerts')
      .select('detail')
      .where('id', '=', 'a1')
      .executeTakeFirst();
    expect(row?.detail).toBe('renamed');
  });

  it('an insert leaves out undefined values as Kysely does, and compiles each column set apart', async () => {
    const insert = reusableInsert('records_alerts');
    await insert(database.db, { ...alert('a3', 'k'), detail: 'first' });
    // An undefined column is left out (here the insert fails on NOT NULL instead of binding it).
    await expect(
      insert(database.db, { ...alert('a4', 'k'), detail: undefined as unknown as string }),
    ).rejects.toThrow();
    await insert(database.db, { ...alert('a5', 'k'), detail: 'third' });
    const rows = await database.db
      .selectFrom('records_alerts')
      .select(['id', 'detail'])
      .where('kind', '=', 'k')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a3', detail: 'first' },
      { id: 'a5', detail: 'third' },
    ]);
  });

  it('a statement whose argument is not a bound parameter is built afresh on every call', async () => {
    let built = 0;
    const limited = reusableQuery((db: DbOrTrx, limit: number) => {
      built += 1;
      return db.selectFrom('records_alerts').select('id').orderBy('id').limit(sql.lit(limit));
    }, 1);
    expect((await limited(database.db, 1)).rows).toHaveLength(1);
    expect((await limited(database.db, 2)).rows).toHaveLength(2);
    // once to try compiling with the placeholder, then once per call
    expect(built).toBe(3);
  });
});
