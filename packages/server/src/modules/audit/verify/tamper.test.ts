import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTestDeps, disableAuditGuards, recordSome } from '../../../../test/audit-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.js';
import type { Db } from '../../../platform/db/schema.js';
import { eventsAfter } from '../chain/chain.repository.js';
import { eventLeafHash } from '../chain/leaf.js';
import { signCheckpoint } from '../checkpoints/checkpoint.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { verifyAuditLog } from './verify.service.js';

let database: TestDatabase;
let deps: ReturnType<typeof auditTestDeps>;
let db: Db;

describe.each([
  { mode: 'sequential', parallelThreshold: Number.MAX_SAFE_INTEGER },
  { mode: 'worker threads (SQLite files)', parallelThreshold: 1 },
])('tamper detection, $mode verification', ({ parallelThreshold }) => {
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    deps = { ...auditTestDeps(db), parallelThreshold };
    await recordSome(db, 10);
    await createCheckpoint(deps, 'main');
    await disableAuditGuards(db);
  });
  afterEach(async () => {
    await database.destroy();
    deps.cleanup();
  });

  async function broken() {
    const report = await verifyAuditLog(deps, ['main']);
    expect(report.isValid).toBe(false);
    return report.chains[0]?.broken;
  }

  /** The attacker who knows the algorithm: recomputes every hash from `fromSeq` and the head. */
  async function recomputeFrom(fromSeq: number): Promise<void> {
    const rows = await eventsAfter(db, 'main', 0, 1000);
    let prev = rows.find((r) => r.seq === fromSeq - 1)?.leaf_hash ?? '0'.repeat(64);
    for (const row of rows.filter((r) => r.seq >= fromSeq)) {
      const leaf = eventLeafHash({ ...row, prev_hash: prev });
      await db
        .updateTable('audit_events')
        .set({ prev_hash: prev, leaf_hash: leaf })
        .where('id', '=', row.id)
        .execute();
      prev = leaf;
    }
    const last = rows[rows.length - 1];
    await db
      .updateTable('audit_chain_heads')
      .set({ seq: last?.seq ?? 0, head_hash: prev })
      .where('chain', '=', 'main')
      .execute();
  }

  it('detects one changed field', async () => {
    await db.updateTable('audit_events').set({ actor_name: 'mallory' }).where('seq', '=', 4).execute();
    expect(await broken()).toMatchObject({ seq: 4, problem: expect.stringMatching(/content was altered/) });
  });

  it('detects a deleted event', async () => {
    await db.deleteFrom('audit_events').where('seq', '=', 6).execute();
    expect(await broken()).toMatchObject({ seq: 6, problem: expect.stringMatching(/missing/) });
  });

  it('detects two swapped events', async () => {
    await db.updateTable('audit_events').set({ seq: -3 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_events').set({ seq: 3 }).where('seq', '=', 4).execute();
    await db.updateTable('audit_events').set({ seq: 4 }).where('seq', '=', -3).execute();
    expect(await broken()).toMatchObject({ seq: 3 });
  });

  it('detects a forged event inserted in the middle, even with recomputed hashes', async () => {
    for (let seq = 10; seq >= 5; seq -= 1)
      await db
        .updateTable('audit_events')
        .set({ seq: seq + 1 })
        .where('seq', '=', seq)
        .execute();
    const [template] = await eventsAfter(db, 'main', 0, 1);
    await db
      .insertInto('audit_events')
      .values({ ...(template as NonNullable<typeof template>), id: 'forged', seq: 5, reason: 'forged' })
      .execute();
    await recomputeFrom(5);
    const problem = await broken();
    expect(problem?.problem).toMatch(/rewritten/);
    expect(problem?.seq).toBe(1);
  });

  it('detects a forged event appended with a naive hash', async () => {
    const [template] = await eventsAfter(db, 'main', 9, 1);
    await db
      .insertInto('audit_events')
      .values({ ...(template as NonNullable<typeof template>), id: 'forged2', seq: 11 })
      .execute();
    expect(await broken()).toMatchObject({ seq: 11 });
  });

  it('detects a well-formed event appended after the last checkpoint, and refuses to sign it', async () => {
    const [last] = await eventsAfter(db, 'main', 9, 1);
    const tail = last as NonNullable<typeof last>;
    const forged = { ...tail, id: 'forged-tail', seq: 11, prev_hash: tail.leaf_hash, reason: 'forged' };
    forged.leaf_hash = eventLeafHash(forged);
    forged.mac = 'ab'.repeat(32);
    await db.insertInto('audit_events').values(forged).execute();
    await db
      .updateTable('audit_chain_heads')
      .set({ seq: 11, head_hash: forged.leaf_hash })
      .where('chain', '=', 'main')
      .execute();
    expect(await broken()).toMatchObject({
      seq: 11,
      id: 'forged-tail',
      problem: expect.stringMatching(/not authenticated/),
    });
    await expect(createCheckpoint(deps, 'main')).rejects.toThrow(/event 11: not authenticated/);
    const sizes = await db.selectFrom('audit_checkpoints').select('tree_size').execute();
    expect(sizes.map((r) => Number(r.tree_size))).toEqual([10]);
  });

  it('detects truncation of the newest events through the external anchor', async () => {
    await db.deleteFrom('audit_events').where('seq', '>', 8).execute();
    await db.deleteFrom('audit_checkpoints').execute();
    const [eighth] = await eventsAfter(db, 'main', 7, 1);
    await db
      .updateTable('audit_chain_heads')
      .set({ seq: 8, head_hash: eighth?.leaf_hash ?? '' })
      .where('chain', '=', 'main')
      .execute();
    expect(await broken()).toMatchObject({ seq: 9, problem: expect.stringMatching(/truncated/) });
  });

  it('detects a whole chain rewritten with recomputed hashes (checkpoints are signed)', async () => {
    await db.updateTable('audit_events').set({ entity_id: 'rewritten' }).where('seq', '=', 2).execute();
    await recomputeFrom(1);
    expect(await broken()).toMatchObject({ seq: 1, problem: expect.stringMatching(/rewritten/) });
    rmSync(deps.anchorDir, { recursive: true, force: true });
    expect(await broken()).toMatchObject({ problem: expect.stringMatching(/rewritten/) });
  });

  it('detects a forged checkpoint (own key, or altered root)', async () => {
    const rows = await db.selectFrom('audit_checkpoints').selectAll().execute();
    const real = rows[0] as NonNullable<(typeof rows)[0]>;
    await db.deleteFrom('audit_checkpoints').execute();
    rmSync(deps.anchorDir, { recursive: true, force: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = signCheckpoint({ ...real, tree_size: 12, created_at: real.created_at }, privateKey);
    await db
      .insertInto('audit_checkpoints')
      .values({ ...forged, id: 'forged-cp' })
      .execute();
    expect(await broken()).toMatchObject({ problem: expect.stringMatching(/forged/) });
    await db.deleteFrom('audit_checkpoints').execute();
    await db
      .insertInto('audit_checkpoints')
      .values({ ...real, root_hash: 'ab'.repeat(32) })
      .execute();
    expect(await broken()).toMatchObject({ problem: expect.stringMatching(/forged/) });
  });

  it('detects stray rows outside the sequence', async () => {
    const [template] = await eventsAfter(db, 'main', 0, 1);
    await db
      .insertInto('audit_events')
      .values({ ...(template as NonNullable<typeof template>), id: 'stray', seq: -7 })
      .execute();
    expect(await broken()).toMatchObject({ problem: expect.stringMatching(/outside the chain/) });
    const count = await db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(11);
  });
});
