import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTestDeps, disableAuditGuards, recordSome } from '../../../../test/audit-kit.js';
import { createTestDatabase, type TestDatabase, testDialect } from '../../../../test/test-database.js';
import type { Db } from '../../../platform/db/schema.js';
import { eventsOfEntityQuery } from '../chain/chain.repository.js';
import { eventLeafHash } from '../chain/leaf.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { entityInclusion, forgetCheckpoint } from './inclusion.service.js';

// The read-only inclusion check signature verification uses on every call (records module).
let database: TestDatabase;
let deps: ReturnType<typeof auditTestDeps>;
let db: Db;
const count = async (table: 'audit_events' | 'audit_checkpoints') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('entity inclusion check (read-only)', () => {
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    deps = auditTestDeps(db);
    await recordSome(db, 6);
  });
  afterEach(async () => {
    await database.destroy();
    deps.cleanup();
  });

  it('proves events by their MAC before a checkpoint and by the signed root after one, writing nothing', async () => {
    const before = await inclusion('e3');
    expect([before.verified, before.problems, before.checkpoint]).toEqual([1, [], null]);
    await createCheckpoint(deps, 'main');
    const [events, checkpoints] = [await count('audit_events'), await count('audit_checkpoints')];
    const after = await inclusion('e3');
    expect([after.verified, after.problems, after.checkpoint?.tree_size]).toEqual([1, [], 6]);
    await recordSome(db, 2, 'n');
    const newer = await inclusion('n2');
    expect([newer.verified, newer.problems]).toEqual([1, []]);
    expect([await count('audit_events'), await count('audit_checkpoints')]).toEqual([
      events + 2,
      checkpoints,
    ]);
    expect(await inclusion('nothing')).toMatchObject({ events: [], verified: 0, problems: [] });
  });

  it('flags an event edited in the database, even with its leaf hash recomputed', async () => {
    await createCheckpoint(deps, 'main');
    await inclusion('e2'); // the verified tree is in memory before the attack
    await disableAuditGuards(db);
    await db
      .updateTable('audit_events')
      .set({ actor_name: 'mallory' })
      .where('entity_id', '=', 'e2')
      .execute();
    expect((await inclusion('e2')).problems).toEqual(['audit event 2 was altered after it was recorded']);
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', 'e2')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_events')
      .set({ leaf_hash: eventLeafHash(row) })
      .where('id', '=', row.id)
      .execute();
    const recomputed = await inclusion('e2');
    expect([recomputed.verified, recomputed.problems]).toEqual([
      0,
      ['audit event 2 is not in the signed checkpoint'],
    ]);
  });

  it('flags an event appended without the installation MAC, and a forged checkpoint', async () => {
    await disableAuditGuards(db);
    await db.updateTable('audit_events').set({ mac: null }).where('entity_id', '=', 'e5').execute();
    expect((await inclusion('e5')).problems).toEqual([
      'audit event 5 is not authenticated (MAC missing or wrong)',
    ]);
    await db
      .updateTable('audit_events')
      .set({ mac: 'f'.repeat(64) })
      .where('entity_id', '=', 'e5')
      .execute();
    expect((await inclusion('e5')).verified).toBe(0);
    await createCheckpoint(deps, 'main').catch(() => null);
    await db
      .insertInto('audit_checkpoints')
      .values({
        id: '019a0000-0000-7000-8000-0000000000cf',
        chain: 'main',
        tree_size: 99,
        root_hash: 'a'.repeat(64),
        created_at: new Date().toISOString(),
        key_id: 'forged',
        signature: 'AAAA',
      })
      .execute();
    await recordSome(db, 1, 'late');
    forgetCheckpoint(db, 'main'); // as once the re-read interval (1 s) has passed
    expect((await inclusion('late1')).problems).toEqual([
      'the latest audit checkpoint is not signed by this installation',
    ]);
  });
});

describe('entity inclusion check, cost and tampering', () => {
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    deps = auditTestDeps(db);
    await recordSome(db, 6);
  });
  afterEach(async () => {
    await database.destroy();
    deps.cleanup();
  });

  it("reads one entity's events through the entity index, not by walking the chain", async () => {
    const compiled = eventsOfEntityQuery(db, 'main', { entityType: 'thing', entityId: 'e3' }).compile();
    if (testDialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      expect(plan.rows.map((r) => r.detail)).toEqual([
        'SEARCH audit_events USING INDEX audit_events_entity_seq_idx (entity_type=? AND entity_id=? AND chain=?)',
      ]);
    } else {
      const indexes = await sql<{
        indexdef: string;
      }>`select indexdef from pg_indexes where indexname = 'audit_events_entity_seq_idx'`.execute(db);
      expect(indexes.rows[0]?.indexdef).toMatch(/\(entity_type, entity_id, chain, seq\)/);
    }
  });

  it('keeps refusing a leaf rewritten under the cached tree and a checkpoint whose root was replaced', async () => {
    await createCheckpoint(deps, 'main');
    expect((await inclusion('e5')).verified).toBe(1); // tree and checkpoint now in memory
    await disableAuditGuards(db);
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', 'e5')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_events')
      .set({ reason: 'rewritten', leaf_hash: eventLeafHash({ ...row, reason: 'rewritten' }) })
      .where('id', '=', row.id)
      .execute();
    expect((await inclusion('e5')).problems).toEqual(['audit event 5 is not in the signed checkpoint']);
    // The stored checkpoint's root replaced (same size): its signature no longer holds.
    await db
      .updateTable('audit_checkpoints')
      .set({ root_hash: 'b'.repeat(64) })
      .execute();
    await recordSome(db, 1, 'late');
    forgetCheckpoint(db, 'main');
    expect((await inclusion('late1')).problems).toEqual([
      'the latest audit checkpoint is not signed by this installation',
    ]);
  });
});

function inclusion(entityId: string) {
  return entityInclusion(deps, 'main', { entityType: 'thing', entityId });
}
