import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTestDeps, recordSome } from '../../../../test/audit-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import { manualClock } from '../../../platform/db/clock.js';
import { configureRecorder } from '../chain/recorder.settings.js';
import { type AuditBundle, verifyBundle } from '../proofs/bundle.js';
import { verifyAuditLog } from '../verify/verify.service.js';
import { archiveExpired } from './retention.service.js';

let database: TestDatabase;
let deps: ReturnType<typeof auditTestDeps>;
const clock = manualClock('2026-01-01T00:00:00.000Z');

beforeEach(async () => {
  database = await createTestDatabase();
  deps = { ...auditTestDeps(database.db), clock, retentionDays: 30 };
  configureRecorder(database.db, { clock });
  clock.set('2026-01-01T00:00:00.000Z');
  await recordSome(database.db, 7, 'old');
  clock.set('2026-03-01T00:00:00.000Z');
  await recordSome(database.db, 3, 'new');
});
afterEach(async () => {
  await database.destroy();
  deps.cleanup();
});

const seqs = async () =>
  (
    await database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('chain', '=', 'main')
      .orderBy('seq')
      .execute()
  ).map((r) => Number(r.seq));

describe('retention', () => {
  it('archives expired events to storage as a verifiable bundle and keeps the chain verifiable', async () => {
    const [archive] = await archiveExpired(deps);
    expect(archive).toMatchObject({ chain: 'main', fromSeq: 1, toSeq: 7 });
    expect(await seqs()).toEqual([8, 9, 10, 11]);
    const row = await database.db.selectFrom('audit_archives').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ from_seq: 1, to_seq: 7, storage_key: archive?.storageKey });
    const bundle = JSON.parse((await deps.storage.read(row.storage_key)).toString('utf8')) as AuditBundle;
    expect(verifyBundle(bundle)).toMatchObject({ isValid: true, eventsVerified: 7 });
    const report = await verifyAuditLog(deps, ['main']);
    expect(report).toMatchObject({ isValid: true, events: 11 });
    expect(await archiveExpired(deps)).toEqual([]);
  });

  it('still refuses deleting events that are not archived', async () => {
    await archiveExpired(deps);
    await expect(database.db.deleteFrom('audit_events').where('seq', '=', 9).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await seqs()).toEqual([8, 9, 10, 11]);
  });

  it('notices a lost archive', async () => {
    const [archive] = await archiveExpired(deps);
    await deps.storage.delete(archive?.storageKey as string);
    const report = await verifyAuditLog(deps, ['main']);
    expect(report.isValid).toBe(false);
    expect(report.chains[0]?.broken?.problem).toMatch(/archive .* is unreadable/);
  });
});
