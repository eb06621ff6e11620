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
import * as peers from '../../../../test/provider-peers.js';
import { manualClock } from '../../../platform/db/clock.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { auditModule } from '../../audit/index.js';
import { identityModule } from '../../identity/index.js';
import { notifications, notificationsModule } from '../index.js';
import { notificationsDeps } from '../notifications.deps.js';
import { saveEndpoint, saveGroup, saveProvider } from '../setup/setup.service.js';

let t: ModuleTestContext;
const open: peers.Peer[] = [];
const clock = manualClock('2026-12-05T02:00:00.000Z');
const now = () => clock.now().getTime();

beforeEach(async () => {
  clock.set(new Date().toISOString());
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule], {
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1' },
    overrides: { clock },
  });
  const text = (channel: 'dingtalk' | 'feishu' | 'wecom' | 'webhook', format?: 'markdown' | 'card') => ({
    channel,
    locale: 'zh-CN' as const,
    subject: '任务 ${taskName}',
    body: '${userName}：请处理 **${taskName}**',
    ...(format ? { format } : {}),
    link: 'https://sign.example.test/tasks/1',
  });
  await makeTemplate(
    t.ctx,
    sampleTemplate({
      variants: [
        ...sampleTemplate().variants.filter((v) => v.channel !== 'sms'),
        {
          channel: 'sms',
          locale: 'zh-CN',
          body: '【SignX】新任务：${taskName}',
          sms: {
            aliyun: { template_code: 'SMS_1', params: { task: '{{ taskName }}' } },
            tencent: { template_id: '1001', params: ['{{ taskName }}'] },
          },
        },
        text('dingtalk', 'markdown'),
        text('feishu', 'card'),
        text('wecom', 'markdown'),
        text('webhook'),
      ],
    }),
  );
});
afterEach(async () => {
  await t.close();
  for (const peer of open.splice(0)) await peer.close();
});

const deps = () => notificationsDeps(t.ctx);
const peer = async (p: Promise<peers.Peer>) => {
  const started = await p;
  open.push(started);
  return started;
};
const group = (channel: 'dingtalk' | 'feishu' | 'wecom' | 'webhook', code: string) =>
  inTransaction(t.ctx.db, (trx) =>
    saveGroup(trx, deps(), admin, { channel, code, name: code, is_default: true }),
  );
const robot = (groupId: string, url: string, secret: string | null) =>
  inTransaction(t.ctx.db, (trx) =>
    saveEndpoint(trx, deps(), admin, { group_id: groupId, name: url, url, secret }),
  );
const send = (
  channels: Parameters<typeof notifications.send>[3]['channels'],
  recipients: Parameters<typeof notifications.send>[3]['recipients'],
  taskName = 'Review',
) =>
  inTransaction(t.ctx.db, (trx) =>
    notifications.send(trx, t.ctx, admin, {
      template: 'task.assigned',
      channels,
      recipients,
      params: { taskName },
    }),
  );

describe('channel adapters against loopback peers that check the providers’ signing', () => {
  it('posts to DingTalk signed, with @mentions, rotating two robots and holding what passes 20/min for one digest', async () => {
    const a = await peer(peers.dingtalkPeer('SEC-a', now));
    const b = await peer(peers.dingtalkPeer('SEC-b', now));
    const g = await group('dingtalk', 'ops');
    await robot(g?.id ?? '', `${a.url}/robot/send?access_token=tok-a`, 'SEC-a');
    await robot(g?.id ?? '', `${b.url}/robot/send?access_token=tok-b`, 'SEC-b');
    const ann = await addUser(t.ctx.db, { username: 'ann', phone: '13900000001' });
    for (let i = 0; i < 45; i++) await send(['dingtalk'], [{ type: 'user', id: ann }], `T${i}`);
    await t.ctx.jobs.drain();
    expect([a.received.length, b.received.length]).toEqual([20, 20]);
    const first = a.received[0]?.json as {
      msgtype: string;
      markdown: { text: string };
      at: { atMobiles: string[] };
    };
    expect(first.msgtype).toBe('markdown');
    expect(first.at.atMobiles).toEqual(['13900000001']);
    expect(first.markdown.text).toContain('@13900000001');
    const rows = await deliveries(t.ctx.db);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(40);
    expect(rows.filter((r) => r.status === 'held')).toHaveLength(5);
    // Jobs run concurrently, so which five were held is not always T40–T44: it is the five
    // whose task name no robot received.
    const taskNames = (posts: { json: unknown }[]) =>
      posts.flatMap((p) => (p.json as { markdown: { text: string } }).markdown.text.match(/\bT\d+\b/g) ?? []);
    const delivered = new Set(taskNames([...a.received, ...b.received]));
    const held = Array.from({ length: 45 }, (_, i) => `T${i}`).filter((name) => !delivered.has(name));
    expect(held).toHaveLength(5);
    clock.advance(61_000);
    await t.ctx.jobs.drain();
    const digest = (await deliveries(t.ctx.db)).find((r) => r.is_digest === 1);
    expect(digest).toMatchObject({ status: 'sent' });
    expect(a.received.length + b.received.length).toBe(41);
    const last = [...a.received, ...b.received].sort((x, y) => x.at - y.at).at(-1)?.json as {
      markdown: { text: string };
    };
    expect(taskNames([{ json: last }]).sort()).toEqual(held.sort());
  });

  it('signs Feishu posts (key = timestamp\\nsecret over an empty message), mentions by open_id, and keeps 5 a second', async () => {
    const f = await peer(peers.feishuPeer('fs-secret', now));
    const g = await group('feishu', 'dev');
    await robot(g?.id ?? '', `${f.url}/open-apis/bot/v2/hook/abc`, 'fs-secret');
    const ann = await addUser(t.ctx.db, { username: 'ann' });
    await t.ctx.db
      .insertInto('notification_profiles')
      .values({
        user_id: ann,
        locale: null,
        time_zone: null,
        dnd_start: null,
        dnd_end: null,
        dingtalk_id: null,
        feishu_id: 'ou_ann',
        wecom_id: null,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    for (let i = 0; i < 7; i++) await send(['feishu'], [{ type: 'user', id: ann }], `F${i}`);
    await t.ctx.jobs.drain();
    expect(f.received).toHaveLength(5);
    const card = f.received[0]?.json as { msg_type: string; card: { elements: { content?: string }[] } };
    expect(card.msg_type).toBe('interactive');
    expect(card.card.elements[0]?.content).toContain('<at id=ou_ann></at>');
    expect(f.received.every((r) => (r.json as { code?: number }).code === undefined)).toBe(true);
    clock.advance(1_100);
    await t.ctx.jobs.drain();
    expect(f.received).toHaveLength(6); // the two held back arrive as one digest
  });

  it('sends WeCom markdown with the key in the URL, and a robot with a wrong secret fails over to the next', async () => {
    const w = await peer(peers.wecomPeer('KEY-1', now));
    const d = await peer(peers.dingtalkPeer('right', now));
    const wg = await group('wecom', 'factory');
    await robot(wg?.id ?? '', `${w.url}/cgi-bin/webhook/send?key=KEY-1`, null);
    const dg = await group('dingtalk', 'sales');
    await robot(dg?.id ?? '', `${d.url}/robot/send?access_token=x`, 'wrong');
    await send(
      ['wecom', 'dingtalk'],
      [
        { type: 'group', code: 'factory' },
        { type: 'group', code: 'sales' },
      ],
    );
    await t.ctx.jobs.drain();
    expect((w.received[0]?.json as { markdown?: { content: string } } | undefined)?.markdown?.content).toBe(
      'factory：请处理 **Review**',
    );
    const failed = (await deliveries(t.ctx.db)).find((r) => r.channel === 'dingtalk');
    expect(failed).toMatchObject({ status: 'failed', last_error: 'robot refused the message (code 310000)' });
  });

  it('signs webhooks, retries a 500 after its backoff, and records each attempt', async () => {
    const hook = await peer(peers.webhookPeer('hook-secret', now));
    const g = await group('webhook', 'erp');
    await robot(g?.id ?? '', `${hook.url}/signx`, 'hook-secret');
    hook.failNext(1, 500);
    await send(['webhook'], [{ type: 'group', code: 'erp' }]);
    await t.ctx.jobs.drain();
    expect((await deliveries(t.ctx.db))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    clock.advance(60_000);
    await t.ctx.jobs.drain();
    expect((await deliveries(t.ctx.db))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]?.headers['x-signx-delivery']).toBe((await deliveries(t.ctx.db))[0]?.id);
    expect((await attempts(t.ctx.db)).map((a) => a.status)).toEqual(['failed', 'sent']);
  });

  it('sends SMS down the provider chain: Aliyun (v1 signature) failing over to Tencent (TC3), breaker opening on Aliyun', async () => {
    const ali = await peer(peers.aliyunPeer('AKID', 'ali-secret', now));
    const tc = await peer(peers.tencentPeer('TCID', 'tc-secret', now));
    const twilio = await peer(peers.twilioPeer('AC123', 'tw-token', now));
    const provider = (
      kind: 'aliyun' | 'tencent' | 'twilio',
      position: number,
      settings: Record<string, string>,
      secret: string,
    ) =>
      inTransaction(t.ctx.db, (trx) =>
        saveProvider(trx, deps(), admin, { kind, name: kind, position, settings, secret }),
      );
    await provider(
      'aliyun',
      1,
      { access_key_id: 'AKID', sign_name: 'SignX', endpoint: `${ali.url}/` },
      'ali-secret',
    );
    await provider(
      'tencent',
      2,
      { secret_id: 'TCID', sdk_app_id: '1400000000', sign_name: 'SignX', endpoint: `${tc.url}/` },
      'tc-secret',
    );
    await provider(
      'twilio',
      3,
      { account_sid: 'AC123', from: '+15550001111', endpoint: twilio.url },
      'tw-token',
    );
    const ann = await addUser(t.ctx.db, { username: 'ann', phone: '13800138000' });
    await send(['sms'], [{ type: 'user', id: ann }], 'First');
    await t.ctx.jobs.drain();
    expect(ali.received).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(ali.received[0]?.body))).toMatchObject({
      PhoneNumbers: '13800138000',
      TemplateCode: 'SMS_1',
      TemplateParam: '{"task":"First"}',
    });
    ali.failNext(3, 503);
    for (const name of ['A', 'B', 'C', 'D']) {
      await send(['sms'], [{ type: 'user', id: ann }], name);
      await t.ctx.jobs.drain();
    }
    expect(ali.received).toHaveLength(4); // the fourth skipped Aliyun: its breaker is open
    expect(tc.received.map((r) => (r.json.TemplateParamSet as string[])[0])).toEqual(['A', 'B', 'C', 'D']);
    expect(tc.received[0]?.json.PhoneNumberSet).toEqual(['+8613800138000']);
    const rows = await deliveries(t.ctx.db);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(rows.at(-1)?.provider).toMatch(/^sms:tencent:/);
    expect(twilio.received).toEqual([]);
  });
});
