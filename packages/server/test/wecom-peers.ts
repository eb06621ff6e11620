import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { SentCard } from './im-app-peers.js';
import { type PeerRequest, startPeer } from './provider-peers.js';

/**
 * WeCom (企业微信) as the approval-card tests meet it, from its documentation: the app API
 * (gettoken with corpid + corpsecret, message/send with the access token in the query) and
 * the callback envelope (XML with Encrypt; SHA-1 msg_signature over the sorted token,
 * timestamp, nonce and Encrypt; AES-256-CBC, key = base64(EncodingAESKey + "="), receiver = corp id).
 */
export const wecomApp = {
  corpId: 'ww-test-corp',
  agentId: '1000002',
  secret: 'wecom-secret',
  token: 'wecom-callback-token',
  aesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
};

export async function wecomAppPeer() {
  const cards: SentCard[] = [];
  const token = `w-${randomBytes(8).toString('hex')}`;
  const peer = await startPeer((r: PeerRequest) => {
    const url = new URL(r.path, 'http://peer');
    if (url.pathname === '/cgi-bin/gettoken') {
      if (
        url.searchParams.get('corpid') !== wecomApp.corpId ||
        url.searchParams.get('corpsecret') !== wecomApp.secret
      )
        return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    }
    if (url.pathname === '/cgi-bin/message/send') {
      if (url.searchParams.get('access_token') !== token)
        return { status: 200, body: { errcode: 40014, errmsg: 'invalid access_token' } };
      const card = r.json.template_card as { card_type?: string; task_id?: string } | undefined;
      if (r.json.msgtype !== 'template_card' || card?.card_type !== 'button_interaction' || !card.task_id)
        return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
      if (String(r.json.agentid) !== wecomApp.agentId)
        return { status: 200, body: { errcode: 40056, errmsg: 'invalid agentid' } };
      cards.push({ to: String(r.json.touser), body: r.json });
      return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: `m${cards.length}` } };
    }
    return { status: 404, body: { errcode: 404, errmsg: 'not found' } };
  });
  return { ...peer, cards };
}

function encrypt(message: string, receiver: string): string {
  const key = Buffer.from(`${wecomApp.aesKey}=`, 'base64');
  const text = Buffer.from(message);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const plain = Buffer.concat([randomBytes(16), length, text, Buffer.from(receiver)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

const sign = (token: string, timestamp: string, nonce: string, data: string) =>
  createHash('sha1').update([token, timestamp, nonce, data].sort().join('')).digest('hex');

/** A WeCom callback POST: the XML envelope and the signed query. */
export function wecomCallback(
  eventXml: string,
  options: { timestamp?: number; nonce?: string; token?: string; receiver?: string } = {},
) {
  const data = encrypt(eventXml, options.receiver ?? wecomApp.corpId);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(8).toString('hex');
  const query = new URLSearchParams({
    msg_signature: sign(options.token ?? wecomApp.token, timestamp, nonce, data),
    timestamp,
    nonce,
  });
  const body = `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><AgentID><![CDATA[${wecomApp.agentId}]]></AgentID><Encrypt><![CDATA[${data}]]></Encrypt></xml>`;
  return { body, query: query.toString(), headers: { 'content-type': 'text/xml' } };
}

/** The URL check's query: an encrypted echostr, signed. */
export function wecomUrlCheck(echo: string, token = wecomApp.token) {
  const data = encrypt(echo, wecomApp.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return new URLSearchParams({
    msg_signature: sign(token, timestamp, nonce, data),
    timestamp,
    nonce,
    echostr: data,
  }).toString();
}

/** A template_card_event: the user pressed the button `key` on the card whose task_id is `cardId`. */
export const wecomPress = (userId: string, cardId: string, key: string) =>
  `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><FromUserName><![CDATA[${userId}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${key}]]></EventKey><TaskId><![CDATA[${cardId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><AgentID>${wecomApp.agentId}</AgentID></xml>`;

export function wecomEnv(url: string): Record<string, string> {
  return {
    OUTBOUND_ALLOW_LIST: '127.0.0.1',
    IM_WECOM_CORP_ID: wecomApp.corpId,
    IM_WECOM_AGENT_ID: wecomApp.agentId,
    IM_WECOM_SECRET: wecomApp.secret,
    IM_WECOM_TOKEN: wecomApp.token,
    IM_WECOM_AES_KEY: wecomApp.aesKey,
    IM_WECOM_API_URL: url,
  };
}
