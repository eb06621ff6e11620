import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { AuditDeps } from '../src/modules/audit/audit.deps.js';
import {
  configureRecorder,
  MAC_PURPOSE,
  recorderSettings,
} from '../src/modules/audit/chain/recorder.settings.js';
import { audit, systemActor } from '../src/modules/audit/index.js';
import { systemClock } from '../src/platform/db/clock.js';
import type { Db, DbOrTrx } from '../src/platform/db/schema.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { createKeyring } from '../src/platform/keyring/keyring.js';
import { createLocalStorage } from '../src/platform/storage/local-storage.js';
import { createTestDatabase, type TestDatabase, testDialect } from './test-database.js';

/** The master secret of the test keyrings (the CLI tests use it as SECRET_KEY). */
export const TEST_MASTER_SECRET = 'k'.repeat(48);

/** Audit services' dependencies on a test database, with temp keyring, storage and anchor dirs. */
export function auditTestDeps(db: Db): AuditDeps & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'signx-audit-'));
  const keyring = createKeyring({ dir: join(dir, 'keyring'), masterSecret: TEST_MASTER_SECRET });
  configureRecorder(db, { macKey: keyring.secret(MAC_PURPOSE) });
  return {
    db,
    storage: createLocalStorage({ root: join(dir, 'storage') }),
    keyring,
    clock: systemClock,
    anchorDir: join(dir, 'anchors'),
    retentionDays: 0,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Registers beforeEach/afterEach hooks giving each test a fresh database and audit deps on
 * it (temp keyring, storage and anchor dirs, removed afterwards). Read the getters inside a
 * test or a later hook.
 */
export function useAuditTestBed() {
  let database: TestDatabase | undefined;
  let deps: ReturnType<typeof auditTestDeps> | undefined;
  beforeEach(async () => {
    database = await createTestDatabase();
    deps = auditTestDeps(database.db);
  });
  afterEach(async () => {
    await database?.destroy();
    deps?.cleanup();
  });
  return {
    get database(): TestDatabase {
      if (!database) throw new Error('the audit test bed is set up in beforeEach');
      return database;
    },
    get deps(): ReturnType<typeof auditTestDeps> {
      if (!deps) throw new Error('the audit test bed is set up in beforeEach');
      return deps;
    },
  };
}

/**
 * Gives a bare test database the test keyring's MAC key, as an app context would: the
 * recorder refuses to write through a handle without one.
 */
export function configureTestRecorder(db: Db): void {
  if (recorderSettings(db).macKey) return;
  const dir = mkdtempSync(join(tmpdir(), 'signx-audit-key-'));
  try {
    const keyring = createKeyring({ dir, masterSecret: TEST_MASTER_SECRET });
    configureRecorder(db, { macKey: keyring.secret(MAC_PURPOSE) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Records `count` events, one transaction each, with distinguishable content (MAC'd with the test key). */
export async function recordSome(db: Db, count: number, prefix = 'e'): Promise<void> {
  configureTestRecorder(db);
  for (let i = 1; i <= count; i += 1) {
    await inTransaction(db, (trx) =>
      audit.record(trx, {
        action: 'test.thing.changed',
        actor: systemActor('test'),
        entityType: 'thing',
        entityId: `${prefix}${i}`,
        before: { n: i - 1, name: 'old' },
        after: { n: i, name: 'old' },
        details: { i },
      }),
    );
  }
}

/** What an attacker with database access does first: switch the append-only guards off. */
export async function disableAuditGuards(db: Db): Promise<void> {
  if (testDialect === 'postgres') {
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_archives'])
      await sql.raw(`alter table ${table} disable trigger user`).execute(db);
    return;
  }
  for (const trigger of [
    'audit_events_no_update',
    'audit_events_no_delete',
    'audit_checkpoints_no_update',
    'audit_checkpoints_no_delete',
  ])
    await sql.raw(`drop trigger ${trigger}`).execute(db);
}

/** The actions of the audit events whose action starts with `prefix`, in chain order. */
export async function auditActions(db: DbOrTrx, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .where('action', 'like', `${prefix}%`)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}
