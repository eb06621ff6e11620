import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { readState } from './platform-state.js';
import { inTransaction } from './transaction.js';

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
});
