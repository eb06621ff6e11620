import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConnectionQueue } from './connection-queue.js';
import { createDatabase } from './database.js';
import { inTransaction } from './transaction.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConnectionQueue', () => {
  it('lends the connection at once when free, and in arrival order when not', async () => {
    const queue = new ConnectionQueue();
    await queue.acquire();
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => queue.acquire().then(() => order.push(n)));
    await settle();
    expect(order).toEqual([]);
    expect(queue.waiters).toBe(3);
    for (let i = 0; i < 3; i += 1) {
      queue.release();
      await settle();
    }
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    queue.release();
    await queue.acquire(); // free again: resolves without a release
    expect(queue.waiters).toBe(0);
  });

  it('wakes exactly one waiter per release, however many wait', async () => {
    const queue = new ConnectionQueue();
    await queue.acquire();
    let woken = 0;
    for (let i = 0; i < 100; i += 1)
      void queue.acquire().then(() => {
        woken += 1;
      });
    queue.release();
    await settle();
    expect(woken).toBe(1);
    expect(queue.waiters).toBe(99);
  });
});

describe('SQLite connection under concurrent queries', () => {
  it('runs every queued query, and none inside another caller’s open transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-queue-'));
    const { db, destroy } = createDatabase({ dialect: 'sqlite', file: join(dir, 'q.db') });
    try {
      await sql`create table counted (id integer primary key)`.execute(db);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const writing = inTransaction(db, async (trx) => {
        await sql`insert into counted (id) values (1)`.execute(trx);
        await held; // other callers queue for the connection meanwhile
      });
      await settle();
      const reads = Array.from({ length: 50 }, () =>
        sql<{ n: number }>`select count(*) as n from counted`.execute(db),
      );
      await settle();
      release();
      await writing;
      const counts = (await Promise.all(reads)).map((r) => r.rows[0]?.n);
      // Queued behind the transaction, each read ran after its commit, never inside it.
      expect(counts).toEqual(Array(50).fill(1));
    } finally {
      await destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
