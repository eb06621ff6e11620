import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  attempts,
  deliveries,
  makeTemplate,
  sampleTemplate,
} from '../../../../test/notification-kit.js';
import * as peers from '../../../../test/provider-peers.js';
import * as receipts from '../../../../test/provider-receipts.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { modules } from '../../index.js';
import { notifications } from '../index.js';
import { can } from '../notifications.catalogue.js';

const manager = asUser('019a0000-0000-7000-8000-0000000000c2', [
  can['notifications.channel.manage'],
  can['notifications.channel.read'],
]);
const reader = asUser('019a0000-0000-7000-8000-0000000000c3', [can['notifications.channel.read']]);
let t: TestApp;
let via: string;
const open: peers.Peer[] = [];

beforeAll(async () => {
  t = await createTestApp({
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1', PUBLIC_URL: 'https://sign.example.test' },
    build: { modules: [...modules, headerAuthModule] },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  via = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const sms = {
    channel: 'sms' as const,
    locale: 'zh-CN' as const,
    body: '【SignX】新任务：${taskName}',
    sms: {
      aliyun: { template_code: 'SMS_1', params: { task: '{{ taskName }}' } },
      tencent: { template_id: '1001', params: ['{{ taskName }}'] },
    },
  };
  await makeTemplate(
    t.app.signx,
    sampleTemplate({ variants: [...sampleTemplate().variants.filter((v) => v.channel !== 'sms'), sms] }),
  );
});
afterAll(async () => {
  await t.close();
  for (const peer of open) await peer.close();
});

/** Adds a provider first in the chain (lowest position yet), as a channel manager does on the page. */
let position = 50;
async function provider(
  kind: 'aliyun' | 'tencent' | 'twilio',
  settings: Record<string, string>,
  secret: string,
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/notifications/channels/providers',
    headers: manager,
    payload: { kind, name: kind, position: position--, settings, secret },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as { id: string; receipt_url: string };
}

/** Sends one SMS and runs the delivery: the delivery row, sent through the first provider. */
async function sendSms(taskName: string) {
  await inTransaction(t.app.signx.db, (trx) =>
    notifications.send(trx, t.app.signx, admin, {
      template: 'task.assigned',
      channels: ['sms'],
      recipients: [{ type: 'phone', address: '+8613800138000' }],
      params: { taskName },
    }),
  );
  await t.app.signx.jobs.drain();
  const row = (await deliveries(t.app.signx.db)).at(-1);
  expect(row).toMatchObject({ status: 'sent' });
  return row as NonNullable<typeof row>;
}

/** A receipt route's JSON answer. */
const answerOf = async (r: Response) => (await r.json()) as { code: number; data: Record<string, number> };
const delivery = async (id: string) => (await deliveries(t.app.signx.db)).find((d) => d.id === id);
const attemptOf = async (id: string) => (await attempts(t.app.signx.db)).find((a) => a.delivery_id === id);
/** The same URL with its token's last character changed (to a character it surely is not). */
const otherToken = (url: string) => `${url.slice(0, -1)}${url.endsWith('A') ? 'E' : 'A'}`;

describe('SMS delivery receipts', () => {
  it('Twilio: a signed status callback moves the attempt and delivery to delivered, once; forged or tampered ones are refused', async () => {
    const peer = await peers.twilioPeer('AC123', 'tw-token');
    open.push(peer);
    const twilio = await provider(
      'twilio',
      { account_sid: 'AC123', from: '+15550001111', endpoint: peer.url },
      'tw-token',
    );
    const sent = await sendSms('Twilio one');
    const callbackUrl = new URLSearchParams(peer.received.at(-1)?.body).get('StatusCallback') ?? '';
    expect(callbackUrl).toBe(`https://sign.example.test/api/v1/notifications/callbacks/twilio/${twilio.id}`);
    const sid = sent.provider_message_id ?? '';
    expect((await attemptOf(sent.id))?.provider_message_id).toBe(sid);
    const post = (
      params: Record<string, string>,
      extra: Partial<Parameters<typeof receipts.postTwilioStatus>[0]> = {},
    ) => receipts.postTwilioStatus({ callbackUrl, via, authToken: 'tw-token', params, ...extra });

    const progress = await post(receipts.twilioStatus('AC123', sid, 'sent'));
    expect(progress.status).toBe(200);
    expect((await answerOf(progress)).data).toMatchObject({ progress: 1, applied: 0 });
    expect(await delivery(sent.id)).toMatchObject({ status: 'sent' });

    // The attacks: no signature, one made with another token, and a signed body altered on the way.
    const failed = receipts.twilioStatus('AC123', sid, 'undelivered', '30003');
    for (const attack of [
      post(failed, { signature: null }),
      post(failed, { authToken: 'not-the-token' }),
      post(receipts.twilioStatus('AC123', sid, 'delivered'), { sent: failed }),
      receipts.postTwilioStatus({
        callbackUrl: callbackUrl.replace(twilio.id, 'no-such-provider'),
        via,
        authToken: 'tw-token',
        params: failed,
      }),
    ]) {
      const refused = await attack;
      expect(refused.status).toBe(403);
      expect((await answerOf(refused)).code).toBe(40341);
    }
    expect(await delivery(sent.id)).toMatchObject({ status: 'sent', delivered_at: null });
    expect(await attemptOf(sent.id)).toMatchObject({ receipt_status: null, receipt_code: null });

    const delivered = await post(receipts.twilioStatus('AC123', sid, 'delivered'));
    expect((await answerOf(delivered)).data).toMatchObject({ applied: 1 });
    const after = await delivery(sent.id);
    expect(after).toMatchObject({ status: 'delivered' });
    expect(after?.delivered_at).not.toBeNull();
    expect(await attemptOf(sent.id)).toMatchObject({
      receipt_status: 'delivered',
      receipt_code: 'delivered',
    });

    // Repeated and contradicting later receipts change nothing: the first final one stands.
    for (const again of [receipts.twilioStatus('AC123', sid, 'delivered'), failed]) {
      const repeated = await post(again);
      expect((await answerOf(repeated)).data).toMatchObject({ repeated: 1, applied: 0 });
    }
    expect(await delivery(sent.id)).toEqual(after);
  });

  it('Twilio: an undelivered report fails the delivery with the provider’s error code', async () => {
    const peer = peers.twilioPeer('AC123', 'tw-token');
    open.push(await peer);
    await provider(
      'twilio',
      { account_sid: 'AC123', from: '+15550001111', endpoint: (await peer).url },
      'tw-token',
    );
    const sent = await sendSms('Twilio two');
    const callbackUrl = new URLSearchParams((await peer).received.at(-1)?.body).get('StatusCallback') ?? '';
    const params = receipts.twilioStatus('AC123', sent.provider_message_id ?? '', 'undelivered', '30003');
    const answer = await receipts.postTwilioStatus({ callbackUrl, via, authToken: 'tw-token', params });
    expect((await answerOf(answer)).data).toMatchObject({ applied: 1 });
    const failed = await delivery(sent.id);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed?.last_error).toContain('reported 30003');
    expect(await attemptOf(sent.id)).toMatchObject({ receipt_status: 'failed', receipt_code: '30003' });
    const detail = await t.app.inject({
      url: `/api/v1/notifications/deliveries/${sent.id}`,
      headers: asUser('019a0000-0000-7000-8000-0000000000c6', [can['notifications.log.read']]),
    });
    expect(detail.json().data.attempts[0]).toMatchObject({
      provider_message_id: sent.provider_message_id,
      receipt_status: 'failed',
      receipt_code: '30003',
    });
  });

  it('Aliyun and Tencent: the console URL with its token applies the pushed reports; a wrong token is refused', async () => {
    const ali = await peers.aliyunPeer('AKID', 'ali-secret');
    open.push(ali);
    const aliyun = await provider(
      'aliyun',
      { access_key_id: 'AKID', sign_name: 'SignX', endpoint: `${ali.url}/` },
      'ali-secret',
    );
    expect(aliyun.receipt_url).toMatch(
      new RegExp(`^https://sign.example.test/api/v1/notifications/callbacks/aliyun/${aliyun.id}/[\\w-]{43}$`),
    );
    const viaAliyun = await sendSms('Aliyun');
    const biz = viaAliyun.provider_message_id ?? '';
    const bad = [receipts.aliyunReport(biz, viaAliyun.id, false, 'MOBILE_NOT_ON_SERVICE')];
    for (const url of [otherToken(aliyun.receipt_url), aliyun.receipt_url.replace('/aliyun/', '/tencent/')]) {
      const refused = await receipts.postReports(url, via, bad);
      expect(refused.status).toBe(403);
    }
    // A report naming another delivery (out_id) than the attempt's is not applied.
    const mismatched = await receipts.postReports(aliyun.receipt_url, via, [
      receipts.aliyunReport(biz, '019a0000-0000-7000-8000-000000000000', false, 'MOBILE_NOT_ON_SERVICE'),
    ]);
    expect(await mismatched.json()).toEqual({ code: 0, msg: '接收成功' });
    expect(await delivery(viaAliyun.id)).toMatchObject({ status: 'sent' });
    const good = [receipts.aliyunReport(biz, viaAliyun.id, true, 'DELIVERED')];
    for (let i = 0; i < 2; i++)
      expect((await receipts.postReports(aliyun.receipt_url, via, good)).status).toBe(200);
    expect(await delivery(viaAliyun.id)).toMatchObject({ status: 'delivered' });
    expect(await attemptOf(viaAliyun.id)).toMatchObject({
      receipt_status: 'delivered',
      receipt_code: 'DELIVERED',
    });

    const tc = await peers.tencentPeer('TCID', 'tc-secret');
    open.push(tc);
    const tencent = await provider(
      'tencent',
      { secret_id: 'TCID', sdk_app_id: '1400000000', sign_name: 'SignX', endpoint: `${tc.url}/` },
      'tc-secret',
    );
    const viaTencent = await sendSms('Tencent');
    const report = [receipts.tencentReport(viaTencent.provider_message_id ?? '', false, 'MK:0005')];
    const answer = await receipts.postReports(tencent.receipt_url, via, report);
    expect(await answer.json()).toEqual({ result: 0, errmsg: 'OK' });
    expect(await delivery(viaTencent.id)).toMatchObject({ status: 'failed' });
    expect((await delivery(viaTencent.id))?.last_error).toContain('MK:0005');

    // The token is a capability: a reader of the setup page does not see it.
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/channels',
      headers: reader,
    });
    const listed = overview.json().data.providers as { id: string; receipt_url: string | null }[];
    expect(listed.find((p) => p.id === aliyun.id)?.receipt_url).toBeNull();
  });

  it('counts what the receipts settled in the statistics, per channel and template with its category', async () => {
    const logReader = asUser('019a0000-0000-7000-8000-0000000000c5', [can['notifications.log.read']]);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const answer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/notifications/stats?from=${from}&to=${to}`,
      headers: logReader,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const sms = (
      answer.json().data as { channel: string; category: string; counts: Record<string, number> }[]
    ).filter((r) => r.channel === 'sms');
    expect(sms.map((r) => r.category)).toEqual(['task']);
    // Twilio one and Aliyun delivered; Twilio two and Tencent failed by their receipts.
    expect(sms[0]?.counts).toEqual({ delivered: 2, failed: 2 });
  });
});
