import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { createLocalStorage } from './local-storage.js';
import type { StoragePort } from './storage.port.js';
import { collectUnreferenced, referenceCount, releaseObject, retainObject } from './storage-references.js';

// Runs on SQLite (npm test) and on PostgreSQL (npm run test:services).
let database: TestDatabase;
let storage: StoragePort;
let root: string;
const db = () => database.db;
const t0 = new Date('2026-12-06T00:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  database = await createTestDatabase();
  root = await mkdtemp(join(tmpdir(), 'signx-refs-'));
  storage = createLocalStorage({ root });
});
afterAll(async () => {
  await database.destroy();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await db().deleteFrom('storage_objects').execute();
});

describe('storage reference counting', () => {
  it('never deletes bytes while any holder still refers to them', async () => {
    const { key, size } = await storage.put(Buffer.from('shared by two records'));
    await inTransaction(db(), (trx) => retainObject(trx, storage, { key, size }, t0));
    await inTransaction(db(), (trx) => retainObject(trx, storage, { key, size }, t0));
    await inTransaction(db(), (trx) => releaseObject(trx, key, t0));
    expect(await referenceCount(db(), key)).toBe(1);
    expect(await collectUnreferenced(db(), storage, later(1000))).toBe(0);
    expect(await storage.has(key)).toBe(true);
    await inTransaction(db(), (trx) => releaseObject(trx, key, later(10)));
    // Still inside the grace period: kept.
    expect(await collectUnreferenced(db(), storage, later(5))).toBe(0);
    expect(await storage.has(key)).toBe(true);
    expect(await collectUnreferenced(db(), storage, later(1000))).toBe(1);
    expect(await storage.has(key)).toBe(false);
    expect(await referenceCount(db(), key)).toBe(0);
  });

  it('takes a released object back before collection, and never lets the count go below zero', async () => {
    const { key, size } = await storage.put(Buffer.from('filed again'));
    await inTransaction(db(), (trx) => retainObject(trx, storage, { key, size }, t0));
    await inTransaction(db(), (trx) => releaseObject(trx, key, t0));
    await inTransaction(db(), (trx) => releaseObject(trx, key, t0));
    await inTransaction(db(), (trx) => retainObject(trx, storage, { key, size }, t0));
    expect(await referenceCount(db(), key)).toBe(1);
    expect(await collectUnreferenced(db(), storage, later(1000))).toBe(0);
    expect(await storage.has(key)).toBe(true);
  });

  it('refuses to file a reference to bytes that are gone, leaving no row', async () => {
    const { key, size } = await storage.put(Buffer.from('collected meanwhile'));
    await storage.delete(key);
    await expect(
      inTransaction(db(), (trx) => retainObject(trx, storage, { key, size }, t0)),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await referenceCount(db(), key)).toBe(0);
  });
});
