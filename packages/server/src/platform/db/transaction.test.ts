import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { readState, writeState } from './platform-state.js';
import { afterCommit, HeldTransaction, inTransaction } from './transaction.js';

describe('transactions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('refuses a root-handle query inside an open transaction instead of deadlocking', async () => {
    const attempt = inTransaction(database.db, async () => readState(database.db, 'initialized_at'));
    await expect(attempt).rejects.toThrow(/root database handle inside a transaction/);
  });

  it('allows the root handle again once the transaction is over, and nested calls join', async () => {
    const value = await inTransaction(database.db, async (trx) => {
      const joined = await inTransaction(trx, async (inner) => inner === trx);
      expect(joined).toBe(true);
      return readState(trx, 'nothing-here');
    });
    expect(value).toBeUndefined();
    expect(await readState(database.db, 'nothing-here')).toBeUndefined();
  });

  it('runs after-commit hooks once the outermost transaction committed, never after a rollback', async () => {
    const seen: string[] = [];
    const hook = (name: string) => async () => {
      // the hook sees the committed row through the root handle (no open transaction left)
      seen.push(`${name}:${await readState(database.db, name)}`);
    };
    expect(afterCommit(database.db, hook('root'))).toBe(false);
    await inTransaction(database.db, async (trx) => {
      await writeState(trx, 'committed', 'yes');
      await inTransaction(trx, async (inner) => expect(afterCommit(inner, hook('committed'))).toBe(true));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['committed:yes']);
    await expect(
      inTransaction(database.db, async (trx) => {
        await writeState(trx, 'rolled-back', 'yes');
        afterCommit(trx, hook('rolled-back'));
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    const failing = inTransaction(database.db, async (trx) => {
      afterCommit(trx, async () => {
        throw new Error('hook failure');
      });
      return 'result';
    });
    await expect(failing).resolves.toBe('result');
    expect(seen).toEqual(['committed:yes']);
  });

  it("runs a held transaction's hooks after its commit, and drops them on rollback", async () => {
    const seen: string[] = [];
    const held = new HeldTransaction(database.db);
    await held.scope(() =>
      inTransaction(database.db, async (trx) => {
        await writeState(trx, 'held', 'yes');
        afterCommit(trx, async () => void seen.push(`held:${await readState(database.db, 'held')}`));
      }),
    );
    await held.commit(async (trx) => void afterCommit(trx, async () => void seen.push('last')));
    expect(seen).toEqual(['held:yes', 'last']);
    const dropped = new HeldTransaction(database.db);
    await dropped.scope(() =>
      inTransaction(database.db, async (trx) => void afterCommit(trx, async () => void seen.push('dropped'))),
    );
    await dropped.rollback();
    expect(seen).toEqual(['held:yes', 'last']);
  });
});
