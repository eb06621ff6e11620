import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { createRealtimeBus, type RealtimeBus } from '../realtime/realtime-bus.js';
import { createRevocationCache } from './revocation-cache.js';
import { insertRevocation } from './trust.repository.js';

/**
 * The revocation list kept in memory for verify and OCSP: two caches on one database and one
 * bus stand for two processes. A revocation must read "revoked" everywhere on the first call
 * after it commits, a rolled-back one must never read revoked, and a good certificate must not
 * cost a query.
 */
let database: TestDatabase;
let bus: RealtimeBus;
let clock = 1_000_000;
const now = () => clock;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = createRealtimeBus({ channel: 'revocation-cache-test', logger: pino({ level: 'silent' }) });
});
afterAll(() => database.destroy());

const row = (serial: string) => ({
  serial,
  reason: 'keyCompromise' as const,
  revokedAt: '2026-12-01T00:00:00.000Z',
  subject: null,
  note: null,
});

/** What platform-trust's revoke does: announce, then insert in the caller's transaction. */
async function revoke(cache: ReturnType<typeof createRevocationCache>, serial: string, rollBack = false) {
  await inTransaction(database.db, async (trx) => {
    await cache.revoking(serial);
    await insertRevocation(trx, row(serial));
    if (rollBack) throw new Error('roll back');
  }).catch((error: Error) => {
    if (error.message !== 'roll back') throw error;
  });
}

describe('revocation status in memory', () => {
  it('a revocation committed by one process reads revoked in both on the next call; a rolled-back one never', async () => {
    const nodeA = createRevocationCache({ db: () => database.db, bus: () => bus, now });
    const nodeB = createRevocationCache({ db: () => database.db, bus: () => bus, now });
    expect(await nodeA.statusOf('a1')).toEqual({ status: 'good' });
    expect(await nodeB.statusOf('a1')).toEqual({ status: 'good' });

    await revoke(nodeA, 'b2', true);
    expect(await nodeA.statusOf('b2')).toEqual({ status: 'good' });
    expect(await nodeB.statusOf('b2')).toEqual({ status: 'good' });

    await revoke(nodeA, 'a1');
    for (const node of [nodeA, nodeB])
      expect(await node.statusOf('a1')).toEqual({
        status: 'revoked',
        reason: 'keyCompromise',
        revokedAt: new Date('2026-12-01T00:00:00.000Z'),
      });
    // the reload absorbs it into the list; it stays revoked
    clock += 6_000;
    expect((await nodeB.statusOf('a1')).status).toBe('revoked');
    expect((await nodeB.statusOf('b2')).status).toBe('good');
  });

  it('a good serial is answered from memory; a revocation no bus announced shows after the backstop reload', async () => {
    const cache = createRevocationCache({ db: () => database.db, bus: () => bus, now, maxAgeMs: 5_000 });
    expect(await cache.statusOf('c3')).toEqual({ status: 'good' });
    // written straight to the table (another process without a shared bus): not read per call
    await inTransaction(database.db, (trx) => insertRevocation(trx, row('c3')));
    expect(await cache.statusOf('c3')).toEqual({ status: 'good' });
    clock += 4_000;
    expect(await cache.statusOf('c3')).toEqual({ status: 'good' });
    clock += 1_001;
    expect((await cache.statusOf('c3')).status).toBe('revoked');
  });

  it('without a bus, this process’s own revocation still reads revoked at once', async () => {
    const cache = createRevocationCache({ db: () => database.db, now });
    expect(await cache.statusOf('d4')).toEqual({ status: 'good' });
    await revoke(cache, 'd4');
    expect((await cache.statusOf('d4')).status).toBe('revoked');
  });
});
