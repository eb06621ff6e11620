import { afterEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { listSchedules } from '../../../platform/jobs/jobs-admin.repository.js';
import { audit, auditModule, systemActor } from '../index.js';
import { checkpointJob } from './checkpoints.jobs.js';
import { latestCheckpoint } from './checkpoints.repository.js';

let t: ModuleTestContext | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the periodic audit checkpoint is a job-runtime schedule', () => {
  it('is registered by a serving process (onStart) with the configured interval, not by every app', async () => {
    t = await createModuleTestContext([auditModule], { env: { AUDIT_CHECKPOINT_INTERVAL_SECONDS: '120' } });
    await t.ctx.jobs.drain();
    expect(await listSchedules(t.database.db)).toEqual([]);
    auditModule.onStart?.(t.ctx);
    await t.ctx.jobs.drain();
    const schedules = await listSchedules(t.database.db);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      job_name: 'audit.checkpoint',
      kind: 'fixed-delay',
      interval_ms: 120_000,
    });
  });

  it('its job signs a checkpoint over the events recorded since the last one', async () => {
    t = await createModuleTestContext([auditModule]);
    const { ctx } = t;
    for (let i = 0; i < 3; i += 1)
      await inTransaction(ctx.db, (trx) =>
        audit.record(trx, { action: 'test.thing.changed', actor: systemActor('test'), entityType: 'thing' }),
      );
    expect(await latestCheckpoint(t.database.db, 'main')).toBeUndefined();
    await inTransaction(ctx.db, (trx) => ctx.jobs.enqueue(trx, checkpointJob, {}));
    await ctx.jobs.drain();
    expect((await latestCheckpoint(t.database.db, 'main'))?.tree_size).toBe(3);
  });
});
