import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dingtalkAppPeer,
  dingtalkCallback,
  dingtalkPress,
  feishuAppPeer,
  feishuCallback,
  feishuPress,
  imEnv,
} from '../../../../test/im-app-peers.js';
import {
  approval,
  as,
  call,
  detail,
  end,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { imCardErrors } from './im-cards.errors.js';

// Users 2 and 4 are on Feishu, user 3 on DingTalk; user 5 has no IM id.
let feishu: Awaited<ReturnType<typeof feishuAppPeer>>;
let dingtalk: Awaited<ReturnType<typeof dingtalkAppPeer>>;
beforeAll(async () => {
  feishu = await feishuAppPeer();
  dingtalk = await dingtalkAppPeer();
});
afterAll(async () => {
  await feishu?.close();
  await dingtalk?.close();
});

const t = useWorkflowApp(
  async (t) => {
    const now = new Date().toISOString();
    const profile = (n: number, ids: { feishu_id?: string; dingtalk_id?: string }) => ({
      user_id: user(n),
      locale: null,
      time_zone: null,
      dnd_start: null,
      dnd_end: null,
      dingtalk_id: ids.dingtalk_id ?? null,
      feishu_id: ids.feishu_id ?? null,
      wecom_id: null,
      updated_at: now,
    });
    await t.database.db
      .insertInto('notification_profiles')
      .values([
        profile(2, { feishu_id: 'ou_alice' }),
        profile(3, { dingtalk_id: 'ding_bob' }),
        profile(4, { feishu_id: 'ou_carol' }),
      ])
      .execute();
    await publish(t, 'im-or', [start, approval('a1', [2, 3], { mode: 'or' }), end]);
    await publish(t, 'im-one', [start, approval('a1', [2]), end]);
  },
  () => imEnv(feishu.url, dingtalk.url),
);

async function startWithCards(key: string) {
  const d = await startApproval(t, key);
  await t.app.signx.jobs.drain();
  const rows = await t.database.db
    .selectFrom('workflow_im_cards')
    .selectAll()
    .where('instance_id', '=', d.id)
    .execute();
  return { d, cards: rows };
}

const feishuCardOf = (rows: { provider: string; card_id: string }[]) =>
  rows.find((r) => r.provider === 'feishu')?.card_id as string;

const post = (provider: string, request: { body: string; headers: Record<string, string>; query?: string }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/im/${provider}/card-callback${request.query ? `?${request.query}` : ''}`,
    headers: request.headers,
    payload: request.body,
  });

const withSignature = (request: ReturnType<typeof feishuCallback>, signature: string) => ({
  ...request,
  headers: { ...request.headers, 'x-lark-signature': signature },
});

interface Timeline {
  action: string;
  actor_id: string | null;
  details: Record<string, unknown>;
}
const decisions = async (id: string) =>
  ((await detail(t, id)).timeline as unknown as Timeline[]).filter(
    (e) => e.action === 'approve' || e.action === 'reject',
  );

describe('IM approval cards', () => {
  it('sends a card to each assignee with an IM id, through the app API that checks its token', async () => {
    const { d, cards } = await startWithCards('im-or');
    expect(cards.map((c) => `${c.provider}:${c.im_user_id}:${c.sent_at ? 'sent' : 'unsent'}`).sort()).toEqual(
      ['dingtalk:ding_bob:sent', 'feishu:ou_alice:sent'],
    );
    const card = cards.find((c) => c.provider === 'feishu');
    expect(card?.card_id).toMatch(/^[0-9a-f]{32}$/);
    const sent = feishu.cards.find((c) => JSON.stringify(c.body).includes(card?.card_id as string));
    expect(sent?.to).toBe('ou_alice');
    expect(JSON.stringify(sent?.body)).toContain(`"decision":"approve"`);
    const dt = dingtalk.cards.find(
      (c) => c.body.outTrackId === cards.find((r) => r.provider === 'dingtalk')?.card_id,
    );
    expect(dt?.to).toBe('ding_bob');
    expect(JSON.stringify(dt?.body)).toContain('Request im-or');
    expect(d.status).toBe('running');
  });

  it('a Feishu button press approves as the assignee, channel im:feishu; a repeated press changes nothing', async () => {
    const { d, cards } = await startWithCards('im-one');
    const cardId = feishuCardOf(cards);
    const answer = await post('feishu', feishuCallback(feishuPress('ou_alice', cardId, 'approve')));
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().outcome).toBe('approved');
    expect((await detail(t, d.id)).status).toBe('approved');
    const made = await decisions(d.id);
    expect(made.map((e) => [e.action, e.actor_id, e.details.channel])).toEqual([
      ['approve', user(2), 'im:feishu'],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['auth_method'])
      .where('entity_id', '=', d.id)
      .where('action', '=', 'workflow.task.approved')
      .execute();
    expect(audit.map((a) => a.auth_method)).toEqual(['im:feishu']);
    const again = await post('feishu', feishuCallback(feishuPress('ou_alice', cardId, 'approve')));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().outcome).toBe('repeated');
    expect(await decisions(d.id)).toHaveLength(1);
  });

  it('refuses a forged signature, a wrong token, a stale timestamp, a replay and another user, changing nothing', async () => {
    const { d, cards } = await startWithCards('im-one');
    const cardId = feishuCardOf(cards);
    const press = feishuPress('ou_alice', cardId, 'approve');
    const refusals = [
      [feishuCallback(press, { signWith: 'not-the-key' }), imCardErrors.IM_CALLBACK_REFUSED],
      // As long as the real signature in characters, longer in bytes: refused, not a 500.
      [withSignature(feishuCallback(press), 'é'.repeat(64)), imCardErrors.IM_CALLBACK_REFUSED],
      [
        feishuCallback(press, { key: 'another-encrypt-key', signWith: 'feishu-encrypt-key' }),
        imCardErrors.IM_CALLBACK_REFUSED,
      ],
      [
        feishuCallback(feishuPress('ou_alice', cardId, 'approve', 'wrong-token')),
        imCardErrors.IM_CALLBACK_REFUSED,
      ],
      [
        feishuCallback(press, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
        imCardErrors.IM_CALLBACK_STALE,
      ],
      [feishuCallback(feishuPress('ou_carol', cardId, 'approve')), imCardErrors.IM_USER_MISMATCH],
      [feishuCallback(feishuPress('ou_alice', 'f'.repeat(32), 'approve')), imCardErrors.IM_CARD_UNKNOWN],
    ] as const;
    for (const [request, error] of refusals) {
      const answer = await post('feishu', request);
      expect(answer.json().code, answer.body).toBe(error.api);
    }
    expect((await detail(t, d.id)).status).toBe('running');
    expect(await decisions(d.id)).toHaveLength(0);
    // A replay of the very request that decided is refused (its nonce was stored).
    const valid = feishuCallback(feishuPress('ou_alice', cardId, 'reject'));
    expect((await post('feishu', valid)).statusCode).toBe(200);
    const replay = await post('feishu', valid);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe(imCardErrors.IM_CALLBACK_REPLAYED.api);
    expect((await decisions(d.id)).map((e) => e.action)).toEqual(['reject']);
  });

  it("a profile's IM id changed after the card was sent: the old id is refused", async () => {
    const { d, cards } = await startWithCards('im-one');
    await t.database.db
      .updateTable('notification_profiles')
      .set({ feishu_id: 'ou_alice_new' })
      .where('user_id', '=', user(2))
      .execute();
    const answer = await post(
      'feishu',
      feishuCallback(feishuPress('ou_alice', feishuCardOf(cards), 'approve')),
    );
    expect(answer.json().code).toBe(imCardErrors.IM_USER_MISMATCH.api);
    expect((await detail(t, d.id)).status).toBe('running');
    await t.database.db
      .updateTable('notification_profiles')
      .set({ feishu_id: 'ou_alice' })
      .where('user_id', '=', user(2))
      .execute();
  });

  it('answers the Feishu url_verification challenge only with the right key and token', async () => {
    const check = { type: 'url_verification', challenge: 'ch-123', token: 'feishu-vtoken' };
    const { body } = feishuCallback(check);
    const answer = await post('feishu', { body, headers: { 'content-type': 'application/json' } });
    expect(answer.json()).toEqual({ challenge: 'ch-123' });
    const forged = feishuCallback({ ...check, token: 'guess' });
    const refused = await post('feishu', {
      body: forged.body,
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.json().code).toBe(imCardErrors.IM_CALLBACK_REFUSED.api);
  });

  it('DingTalk: a valid press decides and is answered with an encrypted success; a forged one is refused', async () => {
    const { d, cards } = await startWithCards('im-or');
    const cardId = cards.find((c) => c.provider === 'dingtalk')?.card_id as string;
    const forged = await post(
      'dingtalk',
      dingtalkCallback(dingtalkPress('ding_bob', cardId, 'approve'), { token: 'guess' }),
    );
    expect(forged.json().code).toBe(imCardErrors.IM_CALLBACK_REFUSED.api);
    const wrongApp = await post(
      'dingtalk',
      dingtalkCallback(dingtalkPress('ding_bob', cardId, 'approve'), { receiver: 'other' }),
    );
    expect(wrongApp.json().code).toBe(imCardErrors.IM_CALLBACK_REFUSED.api);
    const stale = await post(
      'dingtalk',
      dingtalkCallback(dingtalkPress('ding_bob', cardId, 'approve'), { timestamp: Date.now() - 301_000 }),
    );
    expect(stale.json().code).toBe(imCardErrors.IM_CALLBACK_STALE.api);
    expect(await decisions(d.id)).toHaveLength(0);
    const answer = await post('dingtalk', dingtalkCallback(dingtalkPress('ding_bob', cardId, 'approve')));
    expect(answer.statusCode, answer.body).toBe(200);
    expect(Object.keys(answer.json()).sort()).toEqual(['encrypt', 'msg_signature', 'nonce', 'timeStamp']);
    const made = await decisions(d.id);
    expect(made.map((e) => [e.actor_id, e.details.channel])).toEqual([[user(3), 'im:dingtalk']]);
    // The Feishu card of the other or-sign approver now meets a decided task.
    const late = await post(
      'feishu',
      feishuCallback(feishuPress('ou_alice', feishuCardOf(cards), 'approve')),
    );
    expect(late.json().outcome).toBe('already_decided');
    expect(await decisions(d.id)).toHaveLength(1);
  });

  it('or-sign race: a web approve and a card press at the same moment make exactly one decision', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { d, cards } = await startWithCards('im-or');
      const [card, web] = await Promise.all([
        post('feishu', feishuCallback(feishuPress('ou_alice', feishuCardOf(cards), 'approve'))),
        call(t, 'POST', `/approvals/${d.id}/approve`, as(user(3)), {}),
      ]);
      const cardWon = card.json().outcome === 'approved';
      expect(card.statusCode, card.body).toBe(200);
      expect(web.statusCode).toBe(cardWon ? 409 : 200);
      if (!cardWon) expect(card.json().outcome).toBe('already_decided');
      expect(await decisions(d.id)).toHaveLength(1);
      expect((await detail(t, d.id)).status).toBe('approved');
    }
  });

  it('the channel setup shows the configured IM apps and their callback addresses, never a secret', async () => {
    const answer = await call(
      t,
      'GET',
      '/notifications/channels',
      as(user(9), ['notifications.channel.read']),
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const apps = answer.json().data.im_apps as {
      provider: string;
      configured: boolean;
      app_id: string;
      callback_url: string;
    }[];
    expect(apps.map((a) => [a.provider, a.configured, a.app_id])).toEqual([
      ['feishu', true, 'cli_test'],
      ['dingtalk', true, 'ding-app-key'],
      ['wecom', false, null],
    ]);
    expect(apps[0]?.callback_url).toMatch(/\/api\/v1\/im\/feishu\/card-callback$/);
    expect(answer.body).not.toContain('feishu-secret');
    expect(answer.body).not.toContain('ding-callback-token');
  });

  it('a WeCom callback without a WeCom app configured is refused', async () => {
    const answer = await post('wecom', { body: '{}', headers: { 'content-type': 'application/json' } });
    expect(answer.json().code).toBe(imCardErrors.IM_APP_NOT_CONFIGURED.api);
  });
});
