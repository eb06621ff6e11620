import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { insertCompiled, runCompiled } from './compiled-once.js';
import { inTransaction } from './transaction.js';

// runCompiled: the SQL built once per dialect and key, run with each call's values, on the
// root handle and inside a transaction; a value Kysely did not bind once is refused.
describe('runCompiled', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  const counter = (name: string, year: number) =>
    runCompiled(
      database.db,
      'test.counter',
      (n, y) =>
        database.db
          .selectFrom('counters')
          .select('value')
          .where('name', '=', n)
          .where('year', '=', y as unknown as number),
      [name, year],
    );

  it('answers each call with its own values, built once', async () => {
    const { db } = database;
    await db
      .insertInto('counters')
      .values([
        { name: 'A', year: 2026, value: 3 },
        { name: 'B', year: 2026, value: 7 },
      ])
      .execute();
    let builds = 0;
    const run = (name: string) =>
      inTransaction(db, (trx) =>
        runCompiled(
          trx,
          'test.counter-in-trx',
          (n) => {
            builds++;
            return trx.selectFrom('counters').select('value').where('name', '=', n);
          },
          [name],
        ),
      );
    expect((await run('A')).rows).toEqual([{ value: 3 }]);
    expect((await run('B')).rows).toEqual([{ value: 7 }]);
    expect((await run('C')).rows).toEqual([]);
    expect(builds).toBe(1);
    expect((await counter('B', 2026)).rows.map((r) => Number(r.value))).toEqual([7]);
    expect((await counter('B', 2025)).rows).toEqual([]);
  });

  it('refuses a query that does not bind each value exactly once', async () => {
    const { db } = database;
    await expect(
      runCompiled(
        db,
        'test.unbound',
        (_n) => db.selectFrom('counters').select('value').where('name', '=', 'X'),
        ['A'],
      ),
    ).rejects.toThrow(/value 0 is not bound exactly once/);
    await expect(
      runCompiled(
        db,
        'test.twice',
        (n) => db.selectFrom('counters').select('value').where('name', '=', n).where('name', '<>', n),
        ['A'],
      ),
    ).rejects.toThrow(/value 0 is not bound exactly once/);
  });

  it('inserts rows by their defined columns, one compiled shape per column list', async () => {
    const { db } = database;
    await insertCompiled(db, 'counters', { name: 'I1', year: 2030, value: 1 });
    await insertCompiled(db, 'counters', { name: 'I2', year: 2030, value: 2, extra: undefined });
    const rows = await db
      .selectFrom('counters')
      .select(['name', 'value'])
      .where('year', '=', 2030)
      .orderBy('name')
      .execute();
    expect(rows.map((r) => [r.name, Number(r.value)])).toEqual([
      ['I1', 1],
      ['I2', 2],
    ]);
    await expect(insertCompiled(db, 'counters', { name: 'I1', year: 2030, value: 9 })).rejects.toThrow();
    expect(
      Number(
        (await db.selectFrom('counters').select('value').where('name', '=', 'I1').executeTakeFirst())?.value,
      ),
    ).toBe(1);
  });
});
