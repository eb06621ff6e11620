import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { insertCompiled, runCompiled } from './compiled-statements.js';
import type { Db } from './schema.js';

/** Counts the queries a handle compiles through its builder (compileQuery) and runs. */
function counting(db: Db) {
  const executor = db.getExecutor();
  let compiled = 0;
  const original = executor.compileQuery.bind(executor);
  executor.compileQuery = ((...args: Parameters<typeof original>) => {
    compiled += 1;
    return original(...args);
  }) as typeof original;
  return { compiled: () => compiled, restore: () => (executor.compileQuery = original) };
}

describe('statements compiled once per handle', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table compiled_probe (id text primary key, label text, n integer)`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const byId = (db: Db, id: string) =>
    runCompiled(db, 'probe byId', [id], () =>
      db
        .selectFrom('compiled_probe' as never)
        .selectAll()
        .where('id' as never, '=', id as never),
    );

  it('runs the stored statement with each call’s values, and compiles it once', async () => {
    const db = database.db as unknown as Db;
    for (const [id, label, n] of [
      ['a', 'first', 1],
      ['b', null, 2],
      ['c', 'third', 3],
    ] as const) {
      const row = { id, label, n };
      await insertCompiled(db, 'compiled_probe', row, () =>
        db.insertInto('compiled_probe' as never).values(row as never),
      );
    }
    const probe = counting(db);
    try {
      expect((await byId(db, 'b')).rows).toEqual([{ id: 'b', label: null, n: 2 }]);
      expect((await byId(db, 'c')).rows).toEqual([{ id: 'c', label: 'third', n: 3 }]);
      expect((await byId(db, 'zz')).rows).toEqual([]);
      // 'probe byId' was first compiled in this test: once, then reused.
      expect(probe.compiled()).toBe(1);
    } finally {
      probe.restore();
    }
  });

  it('does not store a statement whose parameters are not the ones given (compiles each call instead)', async () => {
    const db = database.db as unknown as Db;
    const wrongOrder = (id: string, n: number) =>
      runCompiled(db, 'probe wrong order', [n, id], () =>
        db
          .selectFrom('compiled_probe' as never)
          .selectAll()
          .where('id' as never, '=', id as never)
          .where('n' as never, '=', n as never),
      );
    const probe = counting(db);
    try {
      expect((await wrongOrder('a', 1)).rows).toHaveLength(1);
      // Stored with the given order it would bind n to id and find nothing: it is rebuilt.
      expect((await wrongOrder('c', 3)).rows).toEqual([{ id: 'c', label: 'third', n: 3 }]);
      expect(probe.compiled()).toBe(2);
    } finally {
      probe.restore();
    }
  });
});
