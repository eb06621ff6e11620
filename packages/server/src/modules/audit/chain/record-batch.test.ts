import { describe, expect, it } from 'vitest';
import { recordSome, useAuditTestBed } from '../../../../test/audit-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { audit, systemActor } from '../index.js';
import { entityInclusion } from '../proofs/inclusion.service.js';
import { verifyAuditLog } from '../verify/verify.service.js';
import { eventLeafHash } from './leaf.js';

// audit.recordAll: several events of one operation in one append (one head lock, one insert,
// one head move), stored exactly as recording them one by one would.
const bed = useAuditTestBed();
const event = (entityId: string, i: number) => ({
  action: 'test.thing.changed',
  actor: systemActor('test'),
  entityType: 'thing',
  entityId,
  details: { i },
});

describe('audit.recordAll', () => {
  it('chains the events in order after the head, each sealed as one recorded alone', async () => {
    const { db } = bed.database;
    await recordSome(db, 2);
    const written = await inTransaction(db, (trx) =>
      audit.recordAll(trx, [event('b1', 1), event('b2', 2), event('b3', 3)]),
    );
    expect(written.map((w) => w.seq)).toEqual([3, 4, 5]);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    for (const [i, row] of rows.entries()) {
      expect(row.leaf_hash).toBe(eventLeafHash(row));
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.leaf_hash);
    }
    expect(rows.slice(2).map((r) => [r.entity_id, r.details])).toEqual([
      ['b1', '{"i":1}'],
      ['b2', '{"i":2}'],
      ['b3', '{"i":3}'],
    ]);
    const head = await db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('chain', '=', 'main')
      .executeTakeFirstOrThrow();
    expect([Number(head.seq), head.head_hash]).toEqual([5, rows[4]?.leaf_hash]);
    await recordSome(db, 1, 'after');
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 6 });
    // Each event proves by its MAC, and against a signed checkpoint.
    expect((await entityInclusion(bed.deps, 'main', { entityType: 'thing', entityId: 'b2' })).verified).toBe(
      1,
    );
    await createCheckpoint(bed.deps, 'main');
    const proof = await entityInclusion(bed.deps, 'main', { entityType: 'thing', entityId: 'b3' });
    expect([proof.verified, proof.problems, proof.checkpoint?.tree_size]).toEqual([1, [], 6]);
  });

  it('writes nothing when the transaction rolls back, and nothing for an empty list', async () => {
    const { db } = bed.database;
    await recordSome(db, 1);
    await expect(
      inTransaction(db, async (trx) => {
        await audit.recordAll(trx, [event('x1', 1), event('x2', 2)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await inTransaction(db, (trx) => audit.recordAll(trx, []))).toEqual([]);
    await recordSome(db, 1, 'next');
    const rows = await db.selectFrom('audit_events').select(['seq', 'entity_id']).orderBy('seq').execute();
    expect(rows.map((r) => [Number(r.seq), r.entity_id])).toEqual([
      [1, 'e1'],
      [2, 'next1'],
    ]);
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 2 });
  });
});
