import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import { buildApp } from '../../../app.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { readHead } from '../chain/chain.repository.js';
import { audit, systemActor } from '../index.js';
import { latestCheckpoint, listCheckpoints } from './checkpoints.repository.js';

let database: TestDatabase;
let dataDir: string;

beforeEach(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'signx-checkpoint-life-'));
});
afterEach(async () => {
  await database.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The app as `serve` builds it, with the default 300 s interval: far longer than this test. */
const build = () => buildApp(testConfig(dataDir), { database });

async function record(db: TestDatabase['db'], count: number): Promise<void> {
  for (let i = 0; i < count; i += 1)
    await inTransaction(db, (trx) =>
      audit.record(trx, { action: 'test.lifecycle.event', actor: systemActor('test'), entityType: 'thing' }),
    );
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never became true');
}

const headSize = async () => (await readHead(database.db, 'main'))?.seq ?? 0;
const checkpointSize = async () => (await latestCheckpoint(database.db, 'main'))?.tree_size ?? 0;

describe('automatic audit checkpoints do not wait for the first interval', () => {
  it('signs one at start for events since the last, and a last one at graceful shutdown', async () => {
    const first = await build();
    // Events made before this start (by an earlier process that never reached its interval).
    await record(first.signx.db, 3);
    expect(await listCheckpoints(database.db, 'main')).toHaveLength(0);
    await first.ready();
    await eventually(async () => (await checkpointSize()) === (await headSize()));
    expect(await headSize()).toBeGreaterThanOrEqual(3);

    await record(first.signx.db, 2);
    expect(await checkpointSize()).toBeLessThan(await headSize());
    await first.close();
    expect(await checkpointSize()).toBe(await headSize());
  });

  it('signs nothing at start when no event came since the last checkpoint', async () => {
    const first = await build();
    await record(first.signx.db, 2);
    await first.ready();
    await first.close();
    const before = await listCheckpoints(database.db, 'main');
    expect(before.length).toBeGreaterThan(0);
    const second = await build();
    await second.ready();
    await second.close();
    expect(await listCheckpoints(database.db, 'main')).toHaveLength(before.length);
  });
});
