import type { ImConfig } from '../../../platform/config/im-settings.js';
import { domainError } from '../../../platform/errors.js';
import { imCardErrors as errors } from './im-cards.errors.js';
import {
  dingtalkDecrypt,
  dingtalkEncrypt,
  dingtalkSignature,
  feishuDecrypt,
  feishuSignature,
  sameText,
} from './im-crypto.js';

/**
 * Verifies an IM card callback before anything in it is believed: the signature over the
 * raw body, the timestamp window (5 minutes), the decryption and the verification token.
 * Answers either a provider handshake to send back as is, or the button press to decide.
 */
export const windowMs = 5 * 60 * 1000;

export interface CallbackRequest {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  now: Date;
}

export type Verified =
  | { kind: 'handshake'; answer: Record<string, unknown> | string }
  | { kind: 'press'; nonce: string; imUserId: string; cardId: string; decision: string };

const refused = (why: string) =>
  domainError(errors.IM_CALLBACK_REFUSED, `The callback does not verify: ${why}`);
const header = (r: CallbackRequest, name: string) => {
  const value = r.headers[name];
  return typeof value === 'string' ? value : '';
};

function assertFresh(atMs: number, now: Date): void {
  if (!Number.isFinite(atMs) || Math.abs(now.getTime() - atMs) > windowMs)
    throw domainError(errors.IM_CALLBACK_STALE, 'The callback timestamp is outside the 5-minute window');
}

function parseObject(text: string | null): Record<string, unknown> {
  if (text === null) throw refused('it does not decrypt');
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {}
  throw refused('not a JSON object');
}

const field = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    o,
  );
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Feishu event callbacks (schema 2.0, `card.action.trigger`), encrypted with the Encrypt Key. */
export function verifyFeishu(app: NonNullable<ImConfig['feishu']>, r: CallbackRequest): Verified {
  const signature = header(r, 'x-lark-signature');
  const timestamp = header(r, 'x-lark-request-timestamp');
  const nonce = header(r, 'x-lark-request-nonce');
  if (signature) {
    if (!sameText(signature, feishuSignature(timestamp, nonce, app.encryptKey, r.rawBody)))
      throw refused('X-Lark-Signature');
    assertFresh(Number(timestamp) * 1000, r.now);
  }
  const event = parseObject(feishuDecrypt(text(field(parseObject(r.rawBody), 'encrypt')), app.encryptKey));
  const token = text(field(event, 'header', 'token')) || text(field(event, 'token'));
  if (!sameText(token, app.verificationToken)) throw refused('verification token');
  // The URL check carries no signature headers; only the key holder could have encrypted it.
  if (event.type === 'url_verification') return { kind: 'handshake', answer: { challenge: event.challenge } };
  if (!signature || !nonce) throw refused('X-Lark-Signature');
  const value = field(event, 'event', 'action', 'value');
  return {
    kind: 'press',
    nonce,
    imUserId: text(field(event, 'event', 'operator', 'open_id')),
    cardId: text(field(value, 'card_id')),
    decision: text(field(value, 'decision')),
  };
}

/** DingTalk HTTP callbacks: msg_signature in the query, `{encrypt}` body, answers encrypted. */
export function verifyDingtalk(app: NonNullable<ImConfig['dingtalk']>, r: CallbackRequest): Verified {
  const { msg_signature: signature = '', timestamp = '', nonce = '' } = r.query;
  const encrypt = text(field(parseObject(r.rawBody), 'encrypt'));
  if (!sameText(signature, dingtalkSignature(app.token, timestamp, nonce, encrypt)))
    throw refused('msg_signature');
  assertFresh(Number(timestamp), r.now);
  const event = parseObject(dingtalkDecrypt(encrypt, app.aesKey, app.appKey));
  if (event.EventType === 'check_url')
    return { kind: 'handshake', answer: dingtalkSuccess(app, r.now, nonce) };
  let value: unknown = field(event, 'value');
  if (typeof value === 'string') value = parseObject(value);
  const actions = field(value, 'cardPrivateData', 'actionIds');
  return {
    kind: 'press',
    nonce,
    imUserId: text(field(event, 'userId')),
    cardId: text(field(event, 'outTrackId')),
    decision: Array.isArray(actions) ? text(actions[0]) : '',
  };
}

/** DingTalk's expected answer: `success`, encrypted and signed like a callback. */
export function dingtalkSuccess(app: NonNullable<ImConfig['dingtalk']>, now: Date, nonce: string) {
  const encrypt = dingtalkEncrypt('success', app.aesKey, app.appKey);
  const timeStamp = String(now.getTime());
  return {
    msg_signature: dingtalkSignature(app.token, timeStamp, nonce, encrypt),
    timeStamp,
    nonce,
    encrypt,
  };
}
