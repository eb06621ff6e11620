import type { ImConfig } from '../../../platform/config/im-settings.js';
import type { OutboundClient } from '../../../platform/http/outbound-client.js';
import { sendWecom } from './wecom-card.js';

/**
 * Sends one approval card through an IM app's message API (docs/workflow.md, "IM approval
 * cards"), through the platform's one outbound client (SSRF policy, timeouts). Each send
 * takes a fresh app token: cards are rare next to the token's two-hour life, and no cache
 * outlives the job. A refusal throws, so the job retries.
 */
export type CardProvider = 'feishu' | 'dingtalk' | 'wecom';

export interface CardContent {
  cardId: string;
  imUserId: string;
  title: string;
  nodeName: string;
  link: string;
}

const texts = (c: CardContent) => ({
  header: `待审批 To approve: ${c.title}`,
  body: `「${c.title}」· ${c.nodeName}\n[打开 Open](${c.link})`,
  approve: '同意 Approve',
  reject: '拒绝 Reject',
});

async function postJson(
  outbound: OutboundClient,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await outbound.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    redirect: 'error',
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return json;
}

/** Feishu: tenant_access_token, then an `interactive` message whose buttons carry the card id. */
export function feishuCard(c: CardContent) {
  const t = texts(c);
  const button = (decision: string, label: string, type: string) => ({
    tag: 'button',
    text: { tag: 'plain_text', content: label },
    type,
    value: { card_id: c.cardId, decision },
  });
  return {
    config: { wide_screen_mode: true },
    header: { title: { tag: 'plain_text', content: t.header } },
    elements: [
      { tag: 'div', text: { tag: 'lark_md', content: t.body } },
      {
        tag: 'action',
        actions: [button('approve', t.approve, 'primary'), button('reject', t.reject, 'danger')],
      },
    ],
  };
}

async function sendFeishu(outbound: OutboundClient, app: NonNullable<ImConfig['feishu']>, c: CardContent) {
  const auth = await postJson(outbound, `${app.apiUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
    app_id: app.appId,
    app_secret: app.appSecret,
  });
  if (auth.code !== 0 || typeof auth.tenant_access_token !== 'string')
    throw new Error(`Feishu refused the app credentials (code ${String(auth.code)})`);
  const sent = await postJson(
    outbound,
    `${app.apiUrl}/open-apis/im/v1/messages?receive_id_type=open_id`,
    { receive_id: c.imUserId, msg_type: 'interactive', content: JSON.stringify(feishuCard(c)) },
    { authorization: `Bearer ${auth.tenant_access_token}` },
  );
  if (sent.code !== 0) throw new Error(`Feishu refused the card (code ${String(sent.code)})`);
}

/** DingTalk: an app access token, then an interactive card to the user's single chat, tracked by the card id. */
async function sendDingtalk(
  outbound: OutboundClient,
  app: NonNullable<ImConfig['dingtalk']>,
  c: CardContent,
) {
  const auth = await postJson(outbound, `${app.apiUrl}/v1.0/oauth2/accessToken`, {
    appKey: app.appKey,
    appSecret: app.appSecret,
  });
  if (typeof auth.accessToken !== 'string') throw new Error('DingTalk refused the app credentials');
  const t = texts(c);
  const sent = await postJson(
    outbound,
    `${app.apiUrl}/v1.0/im/interactiveCards/send`,
    {
      cardTemplateId: app.cardTemplateId,
      outTrackId: c.cardId,
      robotCode: app.robotCode,
      conversationType: 0,
      receiverUserIdList: [c.imUserId],
      callbackRouteKey: 'signx-approval',
      cardData: {
        cardParamMap: { title: t.header, markdown: t.body, approve: t.approve, reject: t.reject },
      },
    },
    { 'x-acs-dingtalk-access-token': auth.accessToken },
  );
  if (sent.success === false) throw new Error('DingTalk refused the card');
}

export async function sendCard(
  outbound: OutboundClient,
  im: ImConfig,
  provider: CardProvider,
  card: CardContent,
): Promise<void> {
  if (provider === 'feishu' && im.feishu) return sendFeishu(outbound, im.feishu, card);
  if (provider === 'dingtalk' && im.dingtalk) return sendDingtalk(outbound, im.dingtalk, card);
  if (provider === 'wecom' && im.wecom) {
    const t = texts(card);
    return sendWecom(outbound, im.wecom, { ...card, title: t.header, desc: card.nodeName, ...t });
  }
  throw new Error(`No ${provider} IM app is configured`);
}

/** The providers whose app is configured. */
export function configuredProviders(im: ImConfig): CardProvider[] {
  return (['feishu', 'dingtalk', 'wecom'] as const).filter((p) => im[p]);
}
