import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { auditModule } from '../audit/index.js';
import { identityModule } from '../identity/index.js';
import { notificationsModule } from '../notifications/index.js';
import { webhooks, webhooksModule } from './index.js';

// A lone emit writes its outbox row only; after the commit it reuses a dispatcher run that waits
// (queued, due, unclaimed) instead of writing a job row.
let t: ModuleTestContext;
beforeEach(async () => {
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule, webhooksModule]);
});
afterEach(() => t.close());

const db = () => t.database.db;
const emitAlone = (i: number) =>
  inTransaction(db(), (trx) =>
    webhooks.emit(trx, t.ctx, {
      type: 'webhooks.endpoint.test',
      resource_type: 'webhook_endpoint',
      resource_id: `r-${i}`,
      data: { i },
    }),
  );
const dispatchRuns = () =>
  db().selectFrom('jobs').select(['id', 'state', 'run_at']).where('name', '=', 'webhooks.dispatch').execute();

describe('webhooks.emit wakes a waiting dispatcher run', () => {
  it('writes one job row for many lone emits, a new one when none is due, and loses no event', async () => {
    for (let i = 0; i < 5; i++) await emitAlone(i);
    const runs = await dispatchRuns();
    expect(runs).toHaveLength(1);
    // a run scheduled later (a retry time) is no wake-up: the next emit enqueues a due one
    const later = new Date(t.ctx.clock.now().getTime() + 3600_000).toISOString();
    await db()
      .updateTable('jobs')
      .set({ run_at: later })
      .where('id', '=', runs[0]?.id ?? '')
      .execute();
    await emitAlone(5);
    expect((await dispatchRuns()).filter((r) => r.run_at <= t.ctx.clock.now().toISOString())).toHaveLength(1);
    await expect(
      inTransaction(db(), async (trx) => {
        await webhooks.emit(trx, t.ctx, {
          type: 'webhooks.endpoint.test',
          resource_type: 'webhook_endpoint',
          resource_id: 'gone',
          data: {},
        });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    await t.ctx.jobs.drain();
    const events = await db().selectFrom('webhook_events').select(['resource_id', 'fanned_out']).execute();
    expect(events.map((e) => e.resource_id).sort()).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    expect(events.every((e) => e.fanned_out === 1)).toBe(true);
  });

  it('writes no job row inside the business transaction; the run is made sure of after its commit', async () => {
    const jobsInside = await inTransaction(db(), async (trx) => {
      await webhooks.emit(trx, t.ctx, {
        type: 'webhooks.endpoint.test',
        resource_type: 'webhook_endpoint',
        resource_id: 'inside',
        data: {},
      });
      return trx.selectFrom('jobs').select('id').where('name', '=', 'webhooks.dispatch').execute();
    });
    expect(jobsInside).toEqual([]);
    const after = await dispatchRuns();
    expect(after).toHaveLength(1);
    expect(after[0]?.state).toBe('queued');
    // several transactions committing together share the check: still one waiting run
    await Promise.all([1, 2, 3].map((i) => emitAlone(10 + i)));
    expect(await dispatchRuns()).toHaveLength(1);
    await t.ctx.jobs.drain();
    const events = await db().selectFrom('webhook_events').select(['resource_id', 'fanned_out']).execute();
    expect(events.map((e) => e.resource_id).sort()).toEqual(['inside', 'r-11', 'r-12', 'r-13']);
    expect(events.every((e) => e.fanned_out === 1)).toBe(true);
  });
});
