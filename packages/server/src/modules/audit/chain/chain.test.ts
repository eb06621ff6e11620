import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordSome, useAuditTestBed } from '../../../../test/audit-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { createCheckpoint } from '../checkpoints/checkpoints.service.js';
import { audit, systemActor } from '../index.js';
import { verifyAuditLog } from '../verify/verify.service.js';
import { GENESIS_HASH } from './leaf.js';

const bed = useAuditTestBed();

describe('audit.record', () => {
  it('stores every field, changed fields only with a readable diff, and links the chain', async () => {
    await inTransaction(bed.database.db, (trx) =>
      audit.record(trx, {
        action: 'identity.user.updated',
        actor: {
          type: 'user',
          id: 'u1',
          name: 'alice',
          authMethod: 'password+totp',
          requestId: 'r1',
          ip: '10.0.0.9',
          userAgent: 'UA',
          onBehalfOf: 'bob',
        },
        entityType: 'user',
        entityId: 'u2',
        before: { email: 'a@x', status: 'active', password_hash: 'h1' },
        after: { email: 'a@x', status: 'locked', password_hash: 'h2' },
        reason: 'too many attempts',
        meaning: 'approval',
        details: { attempts: 5 },
      }),
    );
    const row = await bed.database.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      seq: 1,
      actor_type: 'user',
      actor_id: 'u1',
      actor_name: 'alice',
      auth_method: 'password+totp',
      on_behalf_of: 'bob',
      request_id: 'r1',
      ip: '10.0.0.9',
      user_agent: 'UA',
      entity_id: 'u2',
      reason: 'too many attempts',
      meaning: 'approval',
      result: 'success',
      prev_hash: GENESIS_HASH,
    });
    expect(JSON.parse(row.changes as string)).toEqual({
      password_hash: { before: '[redacted]', after: '[redacted]' },
      status: { before: 'active', after: 'locked' },
    });
    expect(row.diff).toBe('password_hash: [redacted] → [redacted]\nstatus: "active" → "locked"');
    expect(row.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row.leaf_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an invalid event and writes nothing', async () => {
    await expect(
      inTransaction(bed.database.db, (trx) =>
        audit.record(trx, { action: 'Bad Action', actor: systemActor('x'), entityType: '' }),
      ),
    ).rejects.toThrow(/Invalid audit event/);
    const count = await bed.database.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('rolls back with the business write: neither survives', async () => {
    await expect(
      inTransaction(bed.database.db, async (trx) => {
        await trx
          .insertInto('platform_state')
          .values({ key: 'business', value: '1', updated_at: 'x' })
          .execute();
        await audit.record(trx, {
          action: 'test.thing.created',
          actor: systemActor('t'),
          entityType: 'thing',
        });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash');
    expect(
      await bed.database.db.selectFrom('platform_state').selectAll().where('key', '=', 'business').execute(),
    ).toEqual([]);
    expect(await bed.database.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    await recordSome(bed.database.db, 2);
    const report = await verifyAuditLog(bed.deps, ['main']);
    expect(report).toMatchObject({ isValid: true, events: 2 });
  });

  it('stays gapless when the caller rolls back to a savepoint', async () => {
    const event = (id: string) => ({
      action: 'test.thing.created',
      actor: systemActor('t'),
      entityType: 'thing',
      entityId: id,
    });
    await inTransaction(bed.database.db, async (trx) => {
      await audit.record(trx, event('kept-1'));
      await sql`savepoint sp1`.execute(trx);
      await audit.record(trx, event('undone'));
      await sql`rollback to savepoint sp1`.execute(trx);
      await audit.record(trx, event('kept-2'));
    });
    const rows = await bed.database.db
      .selectFrom('audit_events')
      .select(['seq', 'entity_id'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [Number(r.seq), r.entity_id])).toEqual([
      [1, 'kept-1'],
      [2, 'kept-2'],
    ]);
    expect(await verifyAuditLog(bed.deps, ['main'])).toMatchObject({ isValid: true, events: 2 });
  });

  it('is refused by the database on UPDATE and DELETE', async () => {
    await recordSome(bed.database.db, 2);
    await expect(bed.database.db.updateTable('audit_events').set({ reason: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(bed.database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await createCheckpoint(bed.deps, 'main');
    await expect(bed.database.db.deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/append-only/);
    await expect(
      bed.database.db.updateTable('audit_checkpoints').set({ root_hash: 'x' }).execute(),
    ).rejects.toThrow(/append-only/);
    if (bed.database.dialect === 'postgres')
      await expect(sql`truncate audit_events`.execute(bed.database.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditLog(bed.deps, ['main'])).isValid).toBe(true);
  });
});

describe('verification', () => {
  it('verifies a clean chain with checkpoints in the database and the anchor', async () => {
    await recordSome(bed.database.db, 5);
    await createCheckpoint(bed.deps, 'main');
    await recordSome(bed.database.db, 3, 'f');
    await createCheckpoint(bed.deps, 'main');
    expect(await createCheckpoint(bed.deps, 'main')).toBeNull();
    const report = await verifyAuditLog(bed.deps, ['main', 'http']);
    expect(report.isValid).toBe(true);
    expect(report.events).toBe(8);
    expect(report.chains[0]).toMatchObject({
      chain: 'main',
      checkpoints: 2,
      anchoredCheckpoints: 2,
      broken: null,
    });
  });
});
