import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import {
  addUser,
  admin,
  attempts,
  deliveries,
  makeTemplate,
  sampleTemplate,
} from '../../../../test/notification-kit.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { manualClock } from '../../../platform/db/clock.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditModule } from '../../audit/index.js';
import { identityModule } from '../../identity/index.js';
import { notifications, notificationsModule } from '../index.js';
import { notificationsDeps } from '../notifications.deps.js';
import { readUnsubscribeToken } from '../preferences/unsubscribe-token.js';
import { deliverJob } from './deliver.jobs.js';
import { makeDigest } from './digest.service.js';

let t: ModuleTestContext;
let sink: SmtpSink;
const clock = manualClock('2026-12-05T02:00:00.000Z');

beforeEach(async () => {
  sink = await startSmtpSink();
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule], {
    env: {
      MAIL_SERVER: sink.host,
      MAIL_PORT: String(sink.port),
      MAIL_USE_TLS: 'false',
      PUBLIC_URL: 'https://sign.example.test',
    },
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
const profile = (userId: string, fields: Record<string, string | null>) =>
  t.ctx.db
    .insertInto('notification_profiles')
    .values({
      user_id: userId,
      locale: null,
      time_zone: null,
      dnd_start: null,
      dnd_end: null,
      dingtalk_id: null,
      feishu_id: null,
      wecom_id: null,
      updated_at: clock.now().toISOString(),
      ...fields,
    })
    .execute();

describe('dispatch', () => {
  it('mails HTML and text through SMTP with one-click unsubscribe headers, and records the attempt', async () => {
    await makeTemplate(t.ctx);
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Sign <it>' },
    });
    await t.ctx.jobs.drain();
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    expect(mail?.subject).toBe('任务：Sign <it>');
    expect(mail?.html).toContain('Ann，您好：Sign &lt;it&gt;');
    expect(mail?.text).toContain('Ann，您好：Sign <it>');
    const raw = mail?.raw.toString('utf8').replace(/\r\n\s+/g, ' ') ?? '';
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(raw).toMatch(/^Message-ID: <[\w-]+@sign\.example\.test>$/m);
    const link = /^List-Unsubscribe: (.*)$/m.exec(raw)?.[1] ?? '';
    const token = /unsubscribe\/([^>]+)>/.exec(link)?.[1] ?? '';
    expect(link).toMatch(/^<https:\/\/sign\.example\.test\/api\/v1\/notifications\/unsubscribe\//);
    expect(readUnsubscribeToken(notificationsDeps(t.ctx).keys.unsubscribe, token)).toEqual({
      userId: ann,
      category: 'task',
    });
    const [row] = await deliveries(t.ctx.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider: 'smtp' });
    expect((await attempts(t.ctx.db)).map((a) => [a.attempt, a.status, a.provider])).toEqual([
      [1, 'sent', 'smtp'],
    ]);
  });

  it('a deliver job run again after it sent (lease expired, queue flushed) checks the send log and mails nothing twice', async () => {
    await makeTemplate(t.ctx);
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Once' },
    });
    await t.ctx.jobs.drain();
    expect(sink.messages).toHaveLength(1);
    const ids = (await deliveries(t.ctx.db)).map((d) => d.id);
    const job = await t.ctx.db
      .selectFrom('jobs')
      .select(['id'])
      .where('name', '=', 'notifications.deliver')
      .executeTakeFirstOrThrow();
    // The same job's handler again, as the runtime does when it believes the first run lost.
    for (const attempt of [1, 2])
      await deliverJob.handler(
        { delivery_ids: ids },
        { jobId: job.id, attempt, signal: new AbortController().signal, ctx: t.ctx, logger: t.ctx.logger },
      );
    expect(sink.messages).toHaveLength(1);
    expect((await attempts(t.ctx.db)).map((a) => a.status)).toEqual(['sent']);
  });

  it('leaves unsubscribe headers off transactional mail, and honours nobody’s preferences for it', async () => {
    await makeTemplate(
      t.ctx,
      sampleTemplate({ code: 'password.reset', category: 'security', is_transactional: true }),
    );
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await t.ctx.db
      .insertInto('notification_preferences')
      .values({
        user_id: ann,
        category: '*',
        channel: '*',
        enabled: 0,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    await send({
      template: 'password.reset',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'reset' },
    });
    await t.ctx.jobs.drain();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.raw.toString()).not.toMatch(/^List-Unsubscribe/im);
  });

  it('suppresses what a user turned off, at dispatch time, whichever path queued it', async () => {
    await makeTemplate(t.ctx);
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await send({
      template: 'task.assigned',
      channels: ['email', 'in_app'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'A' },
    });
    // Turned off after the message was queued: still honoured, because dispatch decides.
    await t.ctx.db
      .insertInto('notification_preferences')
      .values({
        user_id: ann,
        category: 'task',
        channel: 'email',
        enabled: 0,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    await t.ctx.jobs.drain();
    const rows = await deliveries(t.ctx.db);
    expect(rows.map((r) => [r.channel, r.status])).toEqual(
      expect.arrayContaining([
        ['email', 'suppressed'],
        ['in_app', 'sent'],
      ]),
    );
    expect(sink.messages).toEqual([]);
    expect(await attempts(t.ctx.db)).toHaveLength(1);
  });

  it('defers a non-urgent message during quiet hours and sends urgent ones at once', async () => {
    await makeTemplate(t.ctx);
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await profile(ann, { dnd_start: '22:00', dnd_end: '08:00', time_zone: 'Asia/Shanghai' }); // 02:00Z is 10:00 there
    clock.set('2026-12-05T15:30:00.000Z'); // 23:30 in Shanghai
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Later' },
    });
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Now' },
      priority: 'urgent',
    });
    await t.ctx.jobs.drain();
    expect(sink.messages.map((m) => m.subject)).toEqual(['任务：Now']);
    const later = (await deliveries(t.ctx.db)).find((r) => r.subject === '任务：Later');
    expect(later).toMatchObject({ status: 'deferred', next_attempt_at: '2026-12-06T00:00:00.000Z' });
    clock.set('2026-12-06T00:00:01.000Z');
    await t.ctx.jobs.drain();
    expect(sink.messages.map((m) => m.subject)).toEqual(['任务：Now', '任务：Later']);
  });

  it('holds what passes a frequency limit and merges it into one digest, idempotently', async () => {
    await makeTemplate(t.ctx, sampleTemplate({ frequency_limit: 2, frequency_window_seconds: 3600 }));
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    for (const name of ['one', 'two', 'three', 'four', 'five']) {
      await send({
        template: 'task.assigned',
        channels: ['email'],
        recipients: [{ type: 'user', id: ann }],
        params: { taskName: name },
      });
      await t.ctx.jobs.drain();
    }
    expect(sink.messages.map((m) => m.subject)).toEqual(['任务：one', '任务：two']);
    const held = (await deliveries(t.ctx.db)).filter((r) => r.status === 'held');
    expect(held.map((r) => r.subject)).toEqual(['任务：three', '任务：four', '任务：five']);
    const key = held[0]?.digest_key ?? '';
    const window = '2026-12-05T03:00:00.000Z';
    const deps = notificationsDeps(t.ctx);
    const first = await makeDigest(deps, key, window);
    expect(await makeDigest(deps, key, window)).toBe(first); // a retried digest job changes nothing
    clock.set('2026-12-05T03:00:01.000Z');
    await t.ctx.jobs.drain();
    const rows = await deliveries(t.ctx.db);
    expect(rows.filter((r) => r.status === 'digested').map((r) => r.digest_id)).toEqual([
      first,
      first,
      first,
    ]);
    const digest = rows.find((r) => r.id === first);
    expect(digest).toMatchObject({ is_digest: 1, status: 'sent' });
    expect(sink.messages).toHaveLength(3);
    expect(sink.messages[2]?.subject).toBe('您有 3 条通知（合并发送）');
    expect(sink.messages[2]?.html).toContain('任务：four');
  });

  it('retries a deferred SMTP reply with backoff, then dead-letters it after the last attempt', async () => {
    await makeTemplate(t.ctx);
    sink.rejectRecipient('busy@example.test', 451);
    sink.rejectRecipient('gone@example.test', 550);
    await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [
        { type: 'email', address: 'busy@example.test' },
        { type: 'email', address: 'gone@example.test' },
      ],
      params: { taskName: 'x' },
    });
    await t.ctx.jobs.drain();
    let rows = await deliveries(t.ctx.db);
    const busy = rows.find((r) => r.address === 'busy@example.test');
    expect(rows.find((r) => r.address === 'gone@example.test')).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    expect(busy).toMatchObject({ status: 'queued', attempts: 1 });
    const wait = Date.parse(busy?.next_attempt_at ?? '') - clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(15_000);
    for (let i = 0; i < 8; i++) {
      clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString());
      await t.ctx.jobs.drain();
    }
    rows = await deliveries(t.ctx.db);
    expect(rows.find((r) => r.address === 'busy@example.test')).toMatchObject({
      status: 'dead',
      attempts: 6,
    });
    expect((await attempts(t.ctx.db)).filter((a) => a.status === 'failed')).toHaveLength(7);
  });
});
