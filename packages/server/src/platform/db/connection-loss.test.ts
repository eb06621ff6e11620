import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, eventually } from '../../../test/job-harness.js';
import { useJobTestBed } from '../../../test/job-test-bed.js';
import { createNotesTable, notesModule, notesTransactionHook } from '../../../test/notes-module.js';
import { testConfig } from '../../../test/test-app.js';
import {
  createTestDatabase,
  type TestDatabase,
  testDialect,
  testPostgresUrl,
} from '../../../test/test-database.js';
import { buildApp } from '../../app.js';
import { createDatabase, type Database } from './database.js';
import type { AvailabilityState } from './database-availability.js';
import { inTransaction } from './transaction.js';

/**
 * PostgreSQL closing connections under a running server (what a restart, a failover or a
 * network cut does), simulated with pg_terminate_backend on this test's own connections
 * only: each connection here carries an application_name no other test uses.
 */
const uniqueName = (role: string) => `signx-test-${role}-${randomBytes(4).toString('hex')}`;

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>, url = testPostgresUrl): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function terminate(admin: pg.Client, applicationName: string): Promise<number> {
  const { rows } = await admin.query(
    'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
    [applicationName],
  );
  return rows.length;
}

describe.runIf(testDialect === 'postgres')('lost PostgreSQL connections (PostgreSQL)', () => {
  const appName = uniqueName('app');
  let schemaDb: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  let dataDir: string;
  const changes: AvailabilityState[] = [];

  beforeAll(async () => {
    schemaDb = await createTestDatabase();
    await createNotesTable(schemaDb.db);
    database = createDatabase({
      dialect: 'postgres',
      url: schemaDb.location.url ?? testPostgresUrl,
      searchPath: schemaDb.location.searchPath ?? 'public',
      applicationName: appName,
    });
    dataDir = mkdtempSync(join(tmpdir(), 'signx-loss-'));
    app = await buildApp(testConfig(dataDir), { database, modules: [notesModule] });
    await app.ready();
    database.availability.onChange((state) => changes.push(state));
  });
  afterAll(async () => {
    notesTransactionHook.afterInsert = async () => {};
    await app?.close();
    await database?.destroy();
    await schemaDb?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const postNote = (title: string) =>
    app.inject({ method: 'POST', url: '/api/v1/test/notes', payload: { title } });
  const titles = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/test/notes?page_size=100' });
    expect(res.statusCode).toBe(200);
    return res.json().data.items.map((n: { title: string }) => n.title);
  };

  it('fails a request whose transaction loses its connection with 503, keeps serving, commits nothing', async () => {
    // Warm the pool so idle connections are terminated too.
    expect((await postNote('before')).statusCode).toBe(201);
    await withAdmin(async (admin) => {
      notesTransactionHook.afterInsert = async (title) => {
        if (title === 'doomed') expect(await terminate(admin, appName)).toBeGreaterThan(0);
      };
      const res = await postNote('doomed');
      notesTransactionHook.afterInsert = async () => {};
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 50301 });
      expect(res.headers['retry-after']).toBe('5');
    });
    expect((await postNote('after')).statusCode).toBe(201);
    expect((await titles()).sort()).toEqual(['after', 'before']);
    expect(changes).toEqual(['unavailable', 'available']);
  });

  it('fails a query waiting on a lock when its connection is terminated, and serves the next request', async () => {
    await withAdmin(async (admin) => {
      await admin.query(`set search_path to ${schemaDb.location.searchPath}`);
      await admin.query('begin');
      await admin.query('lock table test_notes in access exclusive mode');
      const pending = postNote('blocked');
      await eventually(async () => {
        const { rows } = await admin.query(
          "select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'",
          [appName],
        );
        return rows.length > 0;
      }, 10_000);
      await terminate(admin, appName);
      const res = await pending;
      await admin.query('rollback');
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe(50301);
    }, schemaDb.location.url);
    expect((await postNote('later')).statusCode).toBe(201);
    expect(await titles()).not.toContain('blocked');
  });
});

describe.runIf(testDialect === 'postgres')('the jobs LISTEN connection (PostgreSQL)', () => {
  const bed = useJobTestBed();

  it('reconnects after being terminated and runs the jobs enqueued while it was away', async () => {
    const listenName = uniqueName('listen');
    // Polling is too slow to matter: only a notification (or the catch-up) runs the job in time.
    const live = createTestRuntime(
      bed.database,
      { now: () => new Date() },
      {
        minPollMs: 600_000,
        maxPollMs: 600_000,
        housekeepingEveryMs: 600_000,
        listenUrl: `${bed.database.location.url ?? testPostgresUrl}?application_name=${listenName}`,
      },
    );
    live.register(bed.echo);
    await live.start();
    const producerDb = bed.database.reopen();
    const producer = createTestRuntime(producerDb, { now: () => new Date() });
    producer.register(bed.echo);
    try {
      await withAdmin(async (admin) => {
        expect(await terminate(admin, listenName)).toBe(1);
        // Enqueued while nobody listens: its notification is lost.
        await inTransaction(producerDb.db, (trx) => producer.enqueue(trx, bed.echo, { text: 'missed' }));
        await eventually(() => bed.seen.length === 1, 10_000);
        expect(bed.seen).toEqual(['missed']);
        await inTransaction(producerDb.db, (trx) => producer.enqueue(trx, bed.echo, { text: 'heard' }));
        await eventually(() => bed.seen.length === 2, 10_000);
      });
    } finally {
      await live.stop(100);
      await producerDb.destroy();
    }
  });
});
