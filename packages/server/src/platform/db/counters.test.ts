import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FROM_SOURCE } from '../../../test/source-node.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { formatHumanNumber, nextHumanNumber } from './counters.js';
import type { Database } from './database.js';
import { inTransaction } from './transaction.js';

describe('per-year counters', () => {
  let database: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    second = database.reopen();
  });
  afterAll(async () => {
    await second.destroy();
    await database.destroy();
  });

  it('formats human numbers', () => {
    expect(formatHumanNumber('SIG-REQ', 2026, 1)).toBe('SIG-REQ-2026-00001');
    expect(formatHumanNumber('SIG', 2026, 123456)).toBe('SIG-2026-123456');
  });

  it('never hands out the same number to concurrent transactions', async () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const handles = [database.db, second.db];
    const numbers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(handles[i % 2]!, (trx) => nextHumanNumber(trx, 'SIG-REQ', at)),
      ),
    );
    expect(new Set(numbers).size).toBe(40);
    expect(numbers.sort().at(-1)).toBe('SIG-REQ-2026-00040');
  });

  it('starts again each year and forgets numbers of rolled-back transactions', async () => {
    const first = await inTransaction(database.db, (trx) =>
      nextHumanNumber(trx, 'SIG', new Date('2027-01-01T00:00:00Z')),
    );
    expect(first).toBe('SIG-2027-00001');
    await expect(
      inTransaction(database.db, async (trx) => {
        await nextHumanNumber(trx, 'SIG', new Date('2027-05-01T00:00:00Z'));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const next = await inTransaction(database.db, (trx) =>
      nextHumanNumber(trx, 'SIG', new Date('2027-06-01T00:00:00Z')),
    );
    expect(next).toBe('SIG-2027-00002');
  });

  it('never repeats a number across processes sharing one database', async () => {
    const worker = fileURLToPath(new URL('../../../test/counter-worker.ts', import.meta.url));
    const run = () =>
      promisify(execFile)(process.execPath, [
        ...FROM_SOURCE,
        worker,
        JSON.stringify({ ...database.location, count: 60 }),
      ]);
    const outputs = await Promise.all([run(), run(), run()]);
    const numbers = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    expect(numbers).toHaveLength(180);
    expect(new Set(numbers).size).toBe(180);
    expect(numbers.sort().at(-1)).toBe('SIG-XP-2026-00180');
  });
});
