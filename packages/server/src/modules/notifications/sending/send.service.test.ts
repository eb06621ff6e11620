import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../../test/module-test-context.js';
import {
  addUser,
  admin,
  deliveries,
  makeTemplate,
  sampleTemplate,
} from '../../../../test/notification-kit.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditModule } from '../../audit/index.js';
import { identityModule } from '../../identity/index.js';
import { notifications, notificationsModule } from '../index.js';
import { notificationsErrors } from '../notifications.errors.js';

// Runs on SQLite (npm test) and on PostgreSQL (npm run test:services).
let t: ModuleTestContext;
beforeEach(async () => {
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule]);
  await makeTemplate(t.ctx);
});
afterEach(() => t.close());

const send = (request: Parameters<typeof notifications.send>[3]) =>
  inTransaction(t.ctx.db, (trx) => notifications.send(trx, t.ctx, admin, request));

describe('send', () => {
  it('writes one delivery per recipient × channel and queues their jobs in the caller’s transaction', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await addUser(t.ctx.db, { username: 'bob', roles: ['reviewer'] });
    const result = await send({
      template: 'task.assigned',
      channels: ['email', 'in_app'],
      recipients: [
        { type: 'user', id: ann },
        { type: 'role', code: 'reviewer' },
        { type: 'email', address: 'ext@example.test' },
      ],
      params: { taskName: 'Sign the <supply> contract' },
    });
    expect(result).toMatchObject({ is_new: true, queued: 5, failed: 1 });
    const failed = result.deliveries.find((d) => d.status === 'failed');
    expect(failed).toMatchObject({
      channel: 'in_app',
      recipient: 'email:ext@example.test',
      error: expect.stringContaining('need a user'),
    });
    const rows = await deliveries(t.ctx.db);
    const annMail = rows.find((r) => r.user_id === ann && r.channel === 'email');
    expect(annMail).toMatchObject({
      status: 'queued',
      address: 'ann@example.test',
      subject: '任务：Sign the <supply> contract',
    });
    expect(annMail?.body).toBe('<p>Ann，您好：Sign the &lt;supply&gt; contract</p>');
    const jobs = await t.ctx.db.selectFrom('jobs').select(['name', 'payload']).execute();
    expect(jobs.map((j) => j.name)).toEqual(['notifications.deliver', 'notifications.deliver']);
    expect(jobs.flatMap((j) => JSON.parse(j.payload).delivery_ids).sort()).toEqual(
      rows
        .filter((r) => r.status === 'queued')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('rolls back with the caller: no message, no delivery, no job', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await expect(
      inTransaction(t.ctx.db, async (trx) => {
        await notifications.send(trx, t.ctx, admin, {
          template: 'task.assigned',
          channels: ['email'],
          recipients: [{ type: 'user', id: ann }],
          params: { taskName: 'x' },
        });
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    expect(await deliveries(t.ctx.db)).toEqual([]);
    expect(await t.ctx.db.selectFrom('notification_messages').selectAll().execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('reports each recipient’s own problem and still queues the others', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    const nomail = await addUser(t.ctx.db, { username: 'nomail', email: null });
    const gone = await addUser(t.ctx.db, { username: 'gone', status: 'disabled' });
    const result = await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [
        { type: 'user', id: ann },
        { type: 'user', id: nomail },
        { type: 'user', id: gone },
        { type: 'user', id: '019a0000-0000-7000-8000-00000000dead' },
        { type: 'email', address: 'not-an-address' },
        { type: 'galaxy', id: 'x' },
      ],
      params: { taskName: 'Approve' },
    });
    const errors = Object.fromEntries(result.deliveries.map((d) => [d.recipient, d.error]));
    expect(result.queued).toBe(1);
    expect(errors[`user:${nomail}`]).toContain('has no email address');
    expect(errors[`user:${gone}`]).toContain('not active');
    expect(errors['user:019a0000-0000-7000-8000-00000000dead']).toBe('no such user');
    expect(errors['email:not-an-address']).toContain('not a valid email address');
    expect(errors['galaxy:x']).toContain('unknown recipient type');
  });

  it('fails a recipient whose variables are missing with a clear error, never a blank', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    const bob = await addUser(t.ctx.db, { username: 'bob' });
    const result = await send({
      template: 'task.assigned',
      channels: ['email'],
      recipients: [
        { type: 'user', id: ann },
        { type: 'user', id: bob, params: { taskName: 'Only Bob’s' } },
      ],
    });
    const [forAnn, forBob] = [ann, bob].map((id) =>
      result.deliveries.find((d) => d.recipient === `user:${id}`),
    );
    expect(forAnn).toMatchObject({ status: 'failed', error: 'Missing variable taskName' });
    expect(forBob).toMatchObject({ status: 'queued' });
  });

  it('refuses an unknown or disabled template for the whole call, writing nothing', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await expect(
      send({ template: 'nope', channels: ['email'], recipients: [{ type: 'user', id: ann }] }),
    ).rejects.toMatchObject({ apiCode: notificationsErrors.TEMPLATE_NOT_FOUND.api });
    expect(await deliveries(t.ctx.db)).toEqual([]);
  });

  it('returns the first message for a repeated dedupe key instead of sending again', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    const request = {
      template: 'task.assigned',
      channels: ['email' as const],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Once' },
      dedupe_key: 'task-42-assigned',
    };
    const first = await send(request);
    const again = await send(request);
    expect(again).toMatchObject({ message_id: first.message_id, is_new: false, queued: 1 });
    expect(await deliveries(t.ctx.db)).toHaveLength(1);
  });

  it('uses the recipient’s locale, else the template’s default', async () => {
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await t.ctx.db
      .insertInto('notification_profiles')
      .values({
        user_id: ann,
        locale: 'en',
        time_zone: null,
        dnd_start: null,
        dnd_end: null,
        dingtalk_id: null,
        feishu_id: null,
        wecom_id: null,
        updated_at: new Date().toISOString(),
      })
      .execute();
    await send({
      template: 'task.assigned',
      channels: ['email', 'sms'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Review', items: [1, 2.5] },
    });
    const rows = await deliveries(t.ctx.db);
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({ locale: 'en', subject: 'Task: Review' });
    expect(rows.find((r) => r.channel === 'email')?.body).toBe('<p>Hello Ann,</p><p>Review · 1 · 2.5</p>');
    expect(rows.find((r) => r.channel === 'sms')?.body).toBe('【SignX】Ann，新任务：Review');
  });

  it('keeps the content of a sensitive template sealed in the send log', async () => {
    await makeTemplate(
      t.ctx,
      sampleTemplate({ code: 'security.code', is_sensitive: true, is_transactional: true }),
    );
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await send({
      template: 'security.code',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: '493817' },
    });
    const [row] = await deliveries(t.ctx.db);
    expect(row?.body).toMatch(/^sx1\./);
    expect(row?.body).not.toContain('493817');
    const message = await t.ctx.db
      .selectFrom('notification_messages')
      .select('params')
      .executeTakeFirstOrThrow();
    expect(message.params).not.toContain('493817');
  });
});
