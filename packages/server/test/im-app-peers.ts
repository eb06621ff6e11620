import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { type PeerRequest, startPeer } from './provider-peers.js';

/**
 * Loopback stand-ins for the IM apps' open APIs and the callbacks those platforms send,
 * written from the providers' documentation (not from the production code): the app API
 * peers check the app credentials and the access token on each card send and keep the
 * cards; the callback builders sign and encrypt a button press as the platform does.
 */
export const feishuApp = {
  appId: 'cli_test',
  appSecret: 'feishu-secret',
  encryptKey: 'feishu-encrypt-key',
  token: 'feishu-vtoken',
};
export const dingtalkApp = {
  appKey: 'ding-app-key',
  appSecret: 'ding-app-secret',
  token: 'ding-callback-token',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

export interface SentCard {
  to: string;
  body: Record<string, unknown>;
}

/** Feishu: tenant_access_token/internal, then im/v1/messages with `Authorization: Bearer <token>`. */
export async function feishuAppPeer() {
  const cards: SentCard[] = [];
  const token = `t-${randomBytes(8).toString('hex')}`;
  const peer = await startPeer((r: PeerRequest) => {
    const url = new URL(r.path, 'http://peer');
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
      if (r.json.app_id !== feishuApp.appId || r.json.app_secret !== feishuApp.appSecret)
        return { status: 200, body: { code: 10014, msg: 'app secret invalid' } };
      return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 } };
    }
    if (url.pathname === '/open-apis/im/v1/messages') {
      if (r.headers.authorization !== `Bearer ${token}`)
        return { status: 400, body: { code: 99991663, msg: 'Invalid access token for authorization' } };
      if (url.searchParams.get('receive_id_type') !== 'open_id' || r.json.msg_type !== 'interactive')
        return { status: 400, body: { code: 230001, msg: 'invalid receive_id_type or msg_type' } };
      cards.push({ to: String(r.json.receive_id), body: JSON.parse(String(r.json.content)) });
      return { status: 200, body: { code: 0, msg: 'success', data: { message_id: `om_${cards.length}` } } };
    }
    return { status: 404, body: { code: 404, msg: 'not found' } };
  });
  return { ...peer, cards };
}

/** DingTalk: v1.0/oauth2/accessToken, then v1.0/im/interactiveCards/send with x-acs-dingtalk-access-token. */
export async function dingtalkAppPeer() {
  const cards: SentCard[] = [];
  const token = `d-${randomBytes(8).toString('hex')}`;
  const peer = await startPeer((r: PeerRequest) => {
    if (r.path === '/v1.0/oauth2/accessToken') {
      if (r.json.appKey !== dingtalkApp.appKey || r.json.appSecret !== dingtalkApp.appSecret)
        return {
          status: 400,
          body: { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' },
        };
      return { status: 200, body: { accessToken: token, expireIn: 7200 } };
    }
    if (r.path === '/v1.0/im/interactiveCards/send') {
      if (r.headers['x-acs-dingtalk-access-token'] !== token)
        return { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } };
      const to = (r.json.receiverUserIdList as string[] | undefined)?.[0];
      if (!to || !r.json.outTrackId || !r.json.cardTemplateId)
        return { status: 400, body: { code: 'MissingParameter', message: 'missing parameter' } };
      cards.push({ to, body: r.json });
      return { status: 200, body: { success: true, result: { processQueryKey: `q${cards.length}` } } };
    }
    return { status: 404, body: { code: 'NotFound', message: 'not found' } };
  });
  return { ...peer, cards };
}

/** A Feishu event callback as the platform posts it: encrypted body, signed headers. */
export function feishuCallback(
  event: Record<string, unknown>,
  options: { timestamp?: number; nonce?: string; key?: string; signWith?: string } = {},
) {
  const key = createHash('sha256')
    .update(options.key ?? feishuApp.encryptKey)
    .digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypt = Buffer.concat([iv, cipher.update(JSON.stringify(event)), cipher.final()]).toString(
    'base64',
  );
  const body = JSON.stringify({ encrypt });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(8).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + (options.signWith ?? feishuApp.encryptKey) + body)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signature,
    },
  };
}

/** A Feishu card.action.trigger event (schema 2.0). */
export const feishuPress = (openId: string, cardId: string, decision: string, token = feishuApp.token) => ({
  schema: '2.0',
  header: { event_id: randomBytes(8).toString('hex'), token, event_type: 'card.action.trigger' },
  event: {
    operator: { open_id: openId },
    token: 'c-x',
    action: { tag: 'button', value: { card_id: cardId, decision } },
  },
});

/** DingTalk's callback envelope: AES-256-CBC of random(16) + length + message + app key, SHA-1 msg_signature. */
export function dingtalkCallback(
  message: Record<string, unknown>,
  options: { timestamp?: number; nonce?: string; token?: string; receiver?: string } = {},
) {
  const key = Buffer.from(`${dingtalkApp.aesKey}=`, 'base64');
  const text = Buffer.from(JSON.stringify(message));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const plain = Buffer.concat([
    randomBytes(16),
    length,
    text,
    Buffer.from(options.receiver ?? dingtalkApp.appKey),
  ]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const encrypt = Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
  const timestamp = String(options.timestamp ?? Date.now());
  const nonce = options.nonce ?? randomBytes(8).toString('hex');
  const signature = createHash('sha1')
    .update([options.token ?? dingtalkApp.token, timestamp, nonce, encrypt].sort().join(''))
    .digest('hex');
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
  return {
    body: JSON.stringify({ encrypt }),
    query: query.toString(),
    headers: { 'content-type': 'application/json' },
  };
}

/** A DingTalk interactive card button press. */
export const dingtalkPress = (userId: string, cardId: string, decision: string) => ({
  outTrackId: cardId,
  userId,
  corpId: 'ding-corp',
  value: JSON.stringify({ cardPrivateData: { actionIds: [decision], params: {} } }),
});

/** Settings that point both IM apps at the loopback peers. */
export function imEnv(feishuUrl: string, dingtalkUrl: string): Record<string, string> {
  return {
    OUTBOUND_ALLOW_LIST: '127.0.0.1',
    IM_FEISHU_APP_ID: feishuApp.appId,
    IM_FEISHU_APP_SECRET: feishuApp.appSecret,
    IM_FEISHU_ENCRYPT_KEY: feishuApp.encryptKey,
    IM_FEISHU_VERIFICATION_TOKEN: feishuApp.token,
    IM_FEISHU_API_URL: feishuUrl,
    IM_DINGTALK_APP_KEY: dingtalkApp.appKey,
    IM_DINGTALK_APP_SECRET: dingtalkApp.appSecret,
    IM_DINGTALK_TOKEN: dingtalkApp.token,
    IM_DINGTALK_AES_KEY: dingtalkApp.aesKey,
    IM_DINGTALK_API_URL: dingtalkUrl,
  };
}
