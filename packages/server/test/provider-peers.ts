import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback stand-ins for the providers the notification center talks to. Each checks the
 * request the way the provider documents it — written here from the documentation, not
 * from the production code — and enforces the documented limits, answering as the
 * provider would. Tests read `received` to see what arrived and `failNext` to make the
 * peer fail.
 */
export interface PeerRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
  at: number;
}

export interface Peer {
  url: string;
  received: PeerRequest[];
  /** Answers the next `n` requests with HTTP `status` (or hangs when status is 0). */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

export type Handler = (
  request: PeerRequest,
  now: number,
) => { status: number; body: unknown; headers?: Record<string, string> };

export async function startPeer(handle: Handler, clock: () => number = Date.now): Promise<Peer> {
  const received: PeerRequest[] = [];
  const failures: number[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {}
      const request = { path: req.url ?? '/', headers: req.headers, body, json, at: clock() };
      received.push(request);
      const failure = failures.shift();
      if (failure === 0) return void hanging.push(res);
      const answer = failure ? { status: failure, body: { error: 'injected' } } : handle(request, clock());
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (n, status) => failures.push(...Array<number>(n).fill(status)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Sliding window per robot: more than `count` in `windowMs` is refused with the provider's code. */
function limiter(limits: { count: number; windowMs: number }[]) {
  const stamps: number[] = [];
  return (now: number) => {
    for (const l of limits) if (stamps.filter((s) => s > now - l.windowMs).length >= l.count) return false;
    stamps.push(now);
    return true;
  };
}

/** DingTalk custom robot: `sign` = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), timestamp in ms within an hour; 20/min; 20,000 bytes. */
export function dingtalkPeer(secret: string, clock: () => number = Date.now) {
  const allow = limiter([{ count: 20, windowMs: 60_000 }]);
  return startPeer((r, now) => {
    const url = new URL(r.path, 'http://peer');
    const ts = Number(url.searchParams.get('timestamp'));
    const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    if (!url.searchParams.get('access_token'))
      return { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };
    if (Math.abs(now - ts) > 3_600_000 || !same(url.searchParams.get('sign') ?? '', expected)) {
      return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
    }
    if (Buffer.byteLength(r.body) > 20_000)
      return { status: 200, body: { errcode: 460101, errmsg: 'message too long' } };
    if (!allow(now))
      return { status: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } };
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  }, clock);
}

/** Feishu custom bot: `sign` = base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")), seconds within an hour; 100/min and 5/s; 20 KB. */
export function feishuPeer(secret: string, clock: () => number = Date.now) {
  const allow = limiter([
    { count: 100, windowMs: 60_000 },
    { count: 5, windowMs: 1000 },
  ]);
  return startPeer((r, now) => {
    const ts = Number(r.json.timestamp);
    const expected = createHmac('sha256', `${ts}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
    if (Math.abs(now / 1000 - ts) > 3600 || !same(String(r.json.sign ?? ''), expected)) {
      return {
        status: 200,
        body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
      };
    }
    if (Buffer.byteLength(r.body) > 20_480) return { status: 200, body: { code: 9499, msg: 'Bad Request' } };
    if (!allow(now)) return { status: 200, body: { code: 11232, msg: 'frequency limited' } };
    return { status: 200, body: { code: 0, msg: 'success', data: {} } };
  }, clock);
}

/** WeCom group robot: the key in the URL; 20/min; text 2,048 bytes, markdown 4,096. */
export function wecomPeer(key: string, clock: () => number = Date.now) {
  const allow = limiter([{ count: 20, windowMs: 60_000 }]);
  return startPeer((r, now) => {
    if (new URL(r.path, 'http://peer').searchParams.get('key') !== key)
      return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
    const type = String(r.json.msgtype);
    const part = r.json[type] as { content?: string } | undefined;
    const max = type === 'markdown' ? 4096 : 2048;
    if (Buffer.byteLength(part?.content ?? '') > max)
      return { status: 200, body: { errcode: 40058, errmsg: 'content exceed max length' } };
    if (!allow(now)) return { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } };
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  }, clock);
}

const aliyunEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Aliyun SendSms (RPC, signature v1: HMAC-SHA1 with secret + "&" over METHOD&%2F&encoded sorted query); timestamp within 15 min; one-use nonce. */
export function aliyunPeer(accessKeyId: string, secret: string, clock: () => number = Date.now) {
  const nonces = new Set<string>();
  return startPeer((r, now) => {
    const params = Object.fromEntries(new URLSearchParams(r.body));
    const { Signature: signature, ...rest } = params;
    const query = Object.keys(rest)
      .sort()
      .map((k) => `${aliyunEncode(k)}=${aliyunEncode(rest[k] ?? '')}`)
      .join('&');
    const expected = createHmac('sha1', `${secret}&`)
      .update(`POST&%2F&${aliyunEncode(query)}`)
      .digest('base64');
    if (params.AccessKeyId !== accessKeyId)
      return { status: 404, body: { Code: 'InvalidAccessKeyId.NotFound' } };
    if (!same(signature ?? '', expected))
      return {
        status: 400,
        body: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' },
      };
    if (Math.abs(now - Date.parse(params.Timestamp ?? '')) > 900_000)
      return { status: 400, body: { Code: 'InvalidTimeStamp.Expired' } };
    if (nonces.has(params.SignatureNonce ?? '')) return { status: 400, body: { Code: 'SignatureNonceUsed' } };
    nonces.add(params.SignatureNonce ?? '');
    const phones = (params.PhoneNumbers ?? '').split(',');
    if (phones.length > 1000 || !phones.every((p) => /^1\d{10}$/.test(p)))
      return { status: 200, body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL' } };
    if (!params.TemplateCode || !params.SignName)
      return { status: 200, body: { Code: 'isv.SMS_TEMPLATE_ILLEGAL' } };
    return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz-${r.at}`, RequestId: 'req' } };
  }, clock);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();

/** Tencent Cloud SendSms (TC3-HMAC-SHA256, signed headers as listed in Authorization); 5-minute clock window; at most 200 numbers. */
export function tencentPeer(secretId: string, secretKey: string, clock: () => number = Date.now) {
  return startPeer((r, now) => {
    const auth = String(r.headers.authorization ?? '');
    const m =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    const error = (code: string) => ({
      status: 200,
      body: { Response: { Error: { Code: code, Message: code }, RequestId: 'req' } },
    });
    if (!m || m[1] !== secretId) return error('AuthFailure.SecretIdNotFound');
    const ts = Number(r.headers['x-tc-timestamp']);
    if (Math.abs(now / 1000 - ts) > 300) return error('AuthFailure.SignatureExpire');
    const signed = (m[3] as string).split(';');
    const canonicalHeaders = signed
      .map(
        (h) =>
          `${h}:${String(r.headers[h] ?? '')
            .trim()
            .toLowerCase()}\n`,
      )
      .join('');
    const canonical = ['POST', '/', '', canonicalHeaders, m[3], sha256(r.body)].join('\n');
    const date = m[2] as string;
    const toSign = ['TC3-HMAC-SHA256', String(ts), `${date}/sms/tc3_request`, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'sms'), 'tc3_request');
    if (!same(createHmac('sha256', key).update(toSign).digest('hex'), m[4] as string))
      return error('AuthFailure.SignatureFailure');
    const phones = (r.json.PhoneNumberSet as string[] | undefined) ?? [];
    if (phones.length === 0 || phones.length > 200) return error('LimitExceeded.PhoneNumberCountLimit');
    if (!phones.every((p) => /^\+\d{8,15}$/.test(p)))
      return error('InvalidParameterValue.IncorrectPhoneNumber');
    return {
      status: 200,
      body: {
        Response: {
          SendStatusSet: phones.map((p) => ({
            SerialNo: `serial-${r.at}`,
            PhoneNumber: p,
            Code: 'Ok',
            Message: 'send success',
          })),
          RequestId: 'req',
        },
      },
    };
  }, clock);
}

/** Twilio Messages API: HTTP Basic (AccountSid:AuthToken), form body, Body up to 1,600 characters, E.164 To. */
export function twilioPeer(accountSid: string, authToken: string, clock: () => number = Date.now) {
  return startPeer((r) => {
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (
      !same(String(r.headers.authorization ?? ''), expected) ||
      !r.path.includes(`/Accounts/${accountSid}/Messages.json`)
    ) {
      return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    }
    const form = new URLSearchParams(r.body);
    if (!/^\+[1-9]\d{6,14}$/.test(form.get('To') ?? ''))
      return { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number." } };
    if ((form.get('Body') ?? '').length > 1600)
      return {
        status: 400,
        body: { code: 21617, message: 'The concatenated message body exceeds the 1600 character limit.' },
      };
    return { status: 201, body: { sid: `SM${r.at}`, status: 'queued' } };
  }, clock);
}

/** A webhook receiver that checks `X-SignX-Signature: sha256=HMAC(secret, timestamp + "." + body)`. */
export function webhookPeer(secret: string, clock: () => number = Date.now) {
  return startPeer((r) => {
    const ts = String(r.headers['x-signx-timestamp'] ?? '');
    const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
    if (!same(String(r.headers['x-signx-signature'] ?? ''), expected))
      return { status: 401, body: { error: 'bad signature' } };
    return { status: 204, body: null };
  }, clock);
}
