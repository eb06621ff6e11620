import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  wecomAppPeer,
  wecomCallback,
  wecomEnv,
  wecomPress,
  wecomUrlCheck,
} from '../../../../test/wecom-peers.js';
import {
  approval,
  createWorkflowApp,
  detail,
  end,
  publish,
  start,
  startApproval,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';
import { imCardErrors } from './im-cards.errors.js';

// User 2 is on WeCom as `zhangsan`, user 4 as `lisi`.
let wecom: Awaited<ReturnType<typeof wecomAppPeer>>;
beforeAll(async () => {
  wecom = await wecomAppPeer();
});
afterAll(() => wecom?.close());

const t = useWorkflowApp(
  async (t) => {
    const row = (n: number, wecom_id: string) => ({
      user_id: user(n),
      locale: null,
      time_zone: null,
      dnd_start: null,
      dnd_end: null,
      dingtalk_id: null,
      feishu_id: null,
      wecom_id,
      updated_at: new Date().toISOString(),
    });
    await t.database.db
      .insertInto('notification_profiles')
      .values([row(2, 'zhangsan'), row(4, 'lisi')])
      .execute();
    await publish(t, 'wecom-one', [start, approval('a1', [2]), end]);
  },
  () => wecomEnv(wecom.url),
);

const post = (request: { body: string; query: string; headers: Record<string, string> }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/im/wecom/card-callback?${request.query}`,
    headers: request.headers,
    payload: request.body,
  });

async function started() {
  const d = await startApproval(t, 'wecom-one');
  await t.app.signx.jobs.drain();
  const card = await t.database.db
    .selectFrom('workflow_im_cards')
    .selectAll()
    .where('instance_id', '=', d.id)
    .executeTakeFirstOrThrow();
  return { d, cardId: card.card_id };
}
const decisions = async (id: string) =>
  (
    (await detail(t, id)).timeline as unknown as { action: string; details: Record<string, unknown> }[]
  ).filter((e) => e.action === 'approve' || e.action === 'reject');

describe('WeCom approval cards', () => {
  it('sends a button_interaction card whose task_id is the card id, through the app API', async () => {
    const { cardId } = await started();
    const sent = wecom.cards.find((c) => (c.body.template_card as { task_id: string }).task_id === cardId);
    expect(sent?.to).toBe('zhangsan');
  });

  it('answers the URL check with the decrypted echostr, and refuses a forged one', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/v1/im/wecom/card-callback?${wecomUrlCheck('echo-42')}`,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.body).toBe('echo-42');
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/v1/im/wecom/card-callback?${wecomUrlCheck('echo-42', 'guess')}`,
    });
    expect(forged.json().code).toBe(imCardErrors.IM_CALLBACK_REFUSED.api);
  });

  it('refuses forged, stale, wrong-corp and other-user presses; a valid one decides (channel im:wecom), once', async () => {
    const { d, cardId } = await started();
    const refusals = [
      [
        wecomCallback(wecomPress('zhangsan', cardId, 'approve'), { token: 'guess' }),
        imCardErrors.IM_CALLBACK_REFUSED,
      ],
      [
        wecomCallback(wecomPress('zhangsan', cardId, 'approve'), { receiver: 'ww-other' }),
        imCardErrors.IM_CALLBACK_REFUSED,
      ],
      [
        wecomCallback(wecomPress('zhangsan', cardId, 'approve'), {
          timestamp: Math.floor(Date.now() / 1000) - 301,
        }),
        imCardErrors.IM_CALLBACK_STALE,
      ],
      [wecomCallback(wecomPress('lisi', cardId, 'approve')), imCardErrors.IM_USER_MISMATCH],
    ] as const;
    for (const [request, error] of refusals) expect((await post(request)).json().code).toBe(error.api);
    expect(await decisions(d.id)).toHaveLength(0);
    const valid = wecomCallback(wecomPress('zhangsan', cardId, 'approve'));
    const answer = await post(valid);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.body).toBe('');
    expect((await decisions(d.id)).map((e) => e.details.channel)).toEqual(['im:wecom']);
    expect((await detail(t, d.id)).status).toBe('approved');
    expect((await post(valid)).json().code).toBe(imCardErrors.IM_CALLBACK_REPLAYED.api);
    expect((await post(wecomCallback(wecomPress('zhangsan', cardId, 'approve')))).statusCode).toBe(200);
    expect(await decisions(d.id)).toHaveLength(1);
  });
});

describe('the card callback is rate-limited per IP like every public route', () => {
  it('answers 429 once the window is used up, before any verification', async () => {
    const limited = await createWorkflowApp({ ...wecomEnv('http://127.0.0.1:9'), RATE_LIMIT_MAX: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const answer = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/im/wecom/card-callback?msg_signature=x&timestamp=1&nonce=n',
          headers: { 'content-type': 'text/xml' },
          payload: '<xml><Encrypt>x</Encrypt></xml>',
        });
        statuses.push(answer.statusCode);
      }
      expect(statuses).toEqual([403, 403, 403, 429]);
    } finally {
      await limited.close();
    }
  });
});
