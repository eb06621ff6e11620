import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import { addUser, admin, attempts, deliveries, makeTemplate } from '../../../../test/notification-kit.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { manualClock } from '../../../platform/db/clock.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditModule } from '../../audit/index.js';
import { identityModule } from '../../identity/index.js';
import { notifications, notificationsModule } from '../index.js';
import { deliverJob } from './deliver.jobs.js';

// The dispatcher reads a batch's admission facts at once and group-commits its claims and
// outcomes: these check that neither blurs one user's switches into another's, and that
// runs racing for the same deliveries still send each once under one attempt record.

let t: ModuleTestContext;
let sink: SmtpSink;
const clock = manualClock('2026-12-05T02:00:00.000Z');

beforeEach(async () => {
  sink = await startSmtpSink();
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule], {
    env: { MAIL_SERVER: sink.host, MAIL_PORT: String(sink.port), MAIL_USE_TLS: 'false' },
    overrides: { clock },
  });
  clock.set('2026-12-05T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
  await sink.close();
});

const send = (request: Parameters<typeof notifications.send>[3]) =>
  inTransaction(t.ctx.db, (trx) => notifications.send(trx, t.ctx, admin, request));

const turnOff = (userId: string, category: string, channel: string) =>
  t.ctx.db
    .insertInto('notification_preferences')
    .values({ user_id: userId, category, channel, enabled: 0, updated_at: clock.now().toISOString() })
    .execute();

describe('batched dispatch', () => {
  it('applies each user’s own switches when one batch reads everybody’s at once', async () => {
    await makeTemplate(t.ctx);
    const names = ['ann', 'bob', 'cat', 'dan', 'eve'];
    const ids = await Promise.all(names.map((username) => addUser(t.ctx.db, { username })));
    const [ann, bob, cat, dan] = ids as [string, string, string, string, string];
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: ids.map((id) => ({ type: 'user' as const, id })),
      params: { taskName: 'Batch' },
    });
    await turnOff(ann, 'task', 'email'); // this category on this channel
    await turnOff(bob, '*', '*'); // everything
    await turnOff(cat, 'billing', 'email'); // another category: no effect here
    await turnOff(dan, 'task', 'sms'); // another channel: no effect here
    await t.ctx.jobs.drain();
    const status = new Map((await deliveries(t.ctx.db)).map((d) => [d.user_id, d.status]));
    expect(names.map((_, i) => status.get(ids[i] as string))).toEqual([
      'suppressed',
      'suppressed',
      'sent',
      'sent',
      'sent',
    ]);
    expect(sink.messages.flatMap((m) => m.envelope.to).sort()).toEqual(
      ['cat', 'dan', 'eve'].map((n) => expect.stringContaining(n)),
    );
  });

  it('two runs holding the same deliveries at once send each one once, under one attempt record', async () => {
    await makeTemplate(t.ctx);
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addUser(t.ctx.db, { username: `user${i}` })),
    );
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: ids.map((id) => ({ type: 'user' as const, id })),
      params: { taskName: 'Race' },
    });
    const deliveryIds = (await deliveries(t.ctx.db)).map((d) => d.id);
    const run = (jobId: string) =>
      deliverJob.handler(
        { delivery_ids: deliveryIds },
        { jobId, attempt: 1, signal: new AbortController().signal, ctx: t.ctx, logger: t.ctx.logger },
      );
    // Started in the same turn, so their claims land in the same group commit.
    await Promise.all([run('run-a'), run('run-b')]);
    expect(sink.messages).toHaveLength(12);
    const records = await attempts(t.ctx.db);
    expect(records).toHaveLength(12);
    expect(new Set(records.map((a) => a.delivery_id)).size).toBe(12);
    expect(records.every((a) => a.status === 'sent' && a.attempt === 1)).toBe(true);
    expect((await deliveries(t.ctx.db)).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
  });
});
