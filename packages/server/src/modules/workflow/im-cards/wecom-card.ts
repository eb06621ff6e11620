import type { ImConfig } from '../../../platform/config/im-settings.js';
import { domainError } from '../../../platform/errors.js';
import type { OutboundClient } from '../../../platform/http/outbound-client.js';
import type { CallbackRequest, Verified } from './card-callback.verify.js';
import { imCardErrors as errors } from './im-cards.errors.js';
import { dingtalkDecrypt, dingtalkSignature, sameText } from './im-crypto.js';

/**
 * WeCom (企业微信) approval cards: a `template_card` of type `button_interaction` sent by
 * the app, and its `template_card_event` callback. The callback is XML with the same
 * envelope as DingTalk's (SHA-1 msg_signature over the sorted token, timestamp, nonce and
 * Encrypt; AES-256-CBC with the EncodingAESKey), the receiver being the corp id.
 */
type WecomApp = NonNullable<ImConfig['wecom']>;

export interface WecomCard {
  cardId: string;
  imUserId: string;
  title: string;
  desc: string;
  approve: string;
  reject: string;
}

async function getJson(outbound: OutboundClient, url: string, init: RequestInit = {}) {
  const response = await outbound.fetch(url, { ...init, redirect: 'error' });
  const text = await response.text();
  if (!response.ok) throw new Error(`WeCom answered HTTP ${response.status}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('WeCom answered without JSON');
  }
}

/** gettoken, then message/send with the card; the card id is the card's task_id. */
export async function sendWecom(outbound: OutboundClient, app: WecomApp, c: WecomCard): Promise<void> {
  const query = new URLSearchParams({ corpid: app.corpId, corpsecret: app.secret });
  const auth = await getJson(outbound, `${app.apiUrl}/cgi-bin/gettoken?${query}`);
  if (auth.errcode !== 0 || typeof auth.access_token !== 'string')
    throw new Error(`WeCom refused the app credentials (errcode ${String(auth.errcode)})`);
  const sent = await getJson(
    outbound,
    `${app.apiUrl}/cgi-bin/message/send?access_token=${encodeURIComponent(auth.access_token)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        touser: c.imUserId,
        msgtype: 'template_card',
        agentid: Number(app.agentId),
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: c.title.slice(0, 36), desc: c.desc.slice(0, 44) },
          task_id: c.cardId,
          button_list: [
            { text: c.approve, style: 1, key: 'approve' },
            { text: c.reject, style: 2, key: 'reject' },
          ],
        },
      }),
    },
  );
  if (sent.errcode !== 0) throw new Error(`WeCom refused the card (errcode ${String(sent.errcode)})`);
}

/** The text of one element of WeCom's flat XML (CDATA or plain); '' when absent. */
export function xmlField(xml: string, name: string): string {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return match ? (match[1] ?? match[2] ?? '') : '';
}

function verified(app: WecomApp, r: CallbackRequest, encrypt: string): string {
  const { msg_signature: signature = '', timestamp = '', nonce = '' } = r.query;
  if (!sameText(signature, dingtalkSignature(app.token, timestamp, nonce, encrypt)))
    throw domainError(errors.IM_CALLBACK_REFUSED, 'The callback does not verify: msg_signature');
  if (Math.abs(r.now.getTime() - Number(timestamp) * 1000) > 5 * 60 * 1000 || !timestamp)
    throw domainError(errors.IM_CALLBACK_STALE, 'The callback timestamp is outside the 5-minute window');
  const plain = dingtalkDecrypt(encrypt, app.aesKey, app.corpId);
  if (plain === null)
    throw domainError(errors.IM_CALLBACK_REFUSED, 'The callback does not verify: it does not decrypt');
  return plain;
}

/** The URL check (GET with `echostr`): answered with the decrypted echostr. */
export function verifyWecomUrl(app: WecomApp, r: CallbackRequest & { echostr: string }): string {
  return verified(app, r, r.echostr);
}

/** A button press: `template_card_event` with the TaskId (card id) and the button's EventKey. */
export function verifyWecom(app: WecomApp, r: CallbackRequest): Verified {
  const event = verified(app, r, xmlField(r.rawBody, 'Encrypt'));
  if (xmlField(event, 'Event') !== 'template_card_event') return { kind: 'handshake', answer: '' };
  return {
    kind: 'press',
    nonce: r.query.nonce ?? '',
    imUserId: xmlField(event, 'FromUserName'),
    cardId: xmlField(event, 'TaskId'),
    decision: xmlField(event, 'EventKey'),
  };
}
