import { createHmac } from 'node:crypto';
import type { Outgoing } from '../channel-port.js';

export type RobotKind = 'dingtalk' | 'feishu' | 'wecom';

/** What one robot post is: where it goes and the JSON it carries. */
export interface RobotRequest {
  url: string;
  body: Record<string, unknown>;
}

/** DingTalk: HMAC-SHA256 over `timestamp\nsecret` keyed by the secret, base64, as URL parameters. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Feishu: HMAC-SHA256 keyed by `timestamp\nsecret` over an empty message, base64, in the body. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

const title = (m: Outgoing) => (m.subject ?? m.row.template_code).slice(0, 200);

function dingtalk(m: Outgoing, url: string, secret: string | null, now: Date): RobotRequest {
  const mentions = m.extra.mentions ?? { ids: [], mobiles: [], names: [] };
  const tail = [...mentions.mobiles, ...mentions.ids].map((who) => `@${who}`).join(' ');
  const withTail = (text: string) => (tail ? `${text}\n\n${tail}` : text);
  const at = { atMobiles: mentions.mobiles, atUserIds: mentions.ids, isAtAll: false };
  let body: Record<string, unknown>;
  if (m.extra.format === 'card') {
    body = {
      msgtype: 'actionCard',
      actionCard: {
        title: title(m),
        text: withTail(m.body),
        singleTitle: '查看详情',
        singleURL: m.extra.link ?? '',
      },
    };
  } else if (m.extra.format === 'markdown') {
    body = { msgtype: 'markdown', markdown: { title: title(m), text: withTail(m.body) }, at };
  } else body = { msgtype: 'text', text: { content: withTail(m.body) }, at };
  if (!secret) return { url, body };
  const ts = now.getTime();
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(ts));
  signed.searchParams.set('sign', dingtalkSign(secret, ts));
  return { url: signed.toString(), body };
}

function feishu(m: Outgoing, url: string, secret: string | null, now: Date): RobotRequest {
  const mentions = m.extra.mentions ?? { ids: [], mobiles: [], names: [] };
  const ats = mentions.ids.map((id, i) => `<at user_id="${id}">${mentions.names[i] ?? ''}</at>`).join(' ');
  let body: Record<string, unknown>;
  if (m.extra.format === 'text') {
    body = { msg_type: 'text', content: { text: ats ? `${m.body} ${ats}` : m.body } };
  } else {
    const markdownAts = mentions.ids.map((id) => `<at id=${id}></at>`).join(' ');
    const elements: unknown[] = [
      { tag: 'markdown', content: markdownAts ? `${m.body}\n${markdownAts}` : m.body },
    ];
    if (m.extra.link) {
      elements.push({
        tag: 'action',
        actions: [
          {
            tag: 'button',
            text: { tag: 'plain_text', content: '查看详情' },
            type: 'primary',
            url: m.extra.link,
          },
        ],
      });
    }
    body = {
      msg_type: 'interactive',
      card: { header: { title: { tag: 'plain_text', content: title(m) } }, elements },
    };
  }
  if (!secret) return { url, body };
  const ts = Math.floor(now.getTime() / 1000);
  return { url, body: { timestamp: String(ts), sign: feishuSign(secret, ts), ...body } };
}

function wecom(m: Outgoing, url: string): RobotRequest {
  const mentions = m.extra.mentions ?? { ids: [], mobiles: [], names: [] };
  if (m.extra.format === 'card') {
    return {
      url,
      body: {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: title(m) },
          sub_title_text: m.body.slice(0, 1000),
          card_action: { type: 1, url: m.extra.link ?? '' },
        },
      },
    };
  }
  if (m.extra.format === 'markdown') {
    const ats = mentions.ids.map((id) => `<@${id}>`).join(' ');
    return { url, body: { msgtype: 'markdown', markdown: { content: ats ? `${m.body}\n${ats}` : m.body } } };
  }
  return {
    url,
    body: {
      msgtype: 'text',
      text: { content: m.body, mentioned_list: mentions.ids, mentioned_mobile_list: mentions.mobiles },
    },
  };
}

/** The request one robot of `kind` gets for a message (WeCom's key is part of its URL). */
export function robotRequest(
  kind: RobotKind,
  m: Outgoing,
  url: string,
  secret: string | null,
  now: Date,
): RobotRequest {
  if (kind === 'dingtalk') return dingtalk(m, url, secret, now);
  if (kind === 'feishu') return feishu(m, url, secret, now);
  return wecom(m, url);
}

/** Per robot, as documented: DingTalk and WeCom 20 a minute; Feishu 100 a minute and 5 a second. */
export const robotRateLimits: Record<RobotKind, { count: number; windowMs: number }[]> = {
  dingtalk: [{ count: 20, windowMs: 60_000 }],
  wecom: [{ count: 20, windowMs: 60_000 }],
  feishu: [
    { count: 100, windowMs: 60_000 },
    { count: 5, windowMs: 1_000 },
  ],
};
