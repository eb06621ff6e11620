import { createHmac } from 'node:crypto';

/**
 * Delivery receipts as the SMS providers post them, written from their documentation and
 * not from the production code, for the loopback peers of provider-peers.ts.
 *
 * Twilio: a form POST to the message's StatusCallback with `X-Twilio-Signature` =
 * base64(HMAC-SHA1(auth token, callback URL + each parameter name and value, sorted by
 * name)). The signature covers the URL Twilio was given (the public one); the request may
 * reach the server at another address (a reverse proxy), given here as `via`.
 * Aliyun SmsReport and the Tencent Cloud SMS status callback: a JSON array POSTed to the URL
 * configured in the console, unsigned.
 */
export function twilioSignatureOf(url: string, params: Record<string, string>, authToken: string): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => `${k}${params[k]}`)
      .join('');
  return createHmac('sha1', authToken).update(data).digest('base64');
}

export async function postTwilioStatus(input: {
  callbackUrl: string;
  via: string;
  authToken: string;
  params: Record<string, string>;
  /** What actually goes over the wire, when a test tampers with the signed parameters. */
  sent?: Record<string, string>;
  signature?: string | null;
}): Promise<Response> {
  const signature =
    input.signature === undefined
      ? twilioSignatureOf(input.callbackUrl, input.params, input.authToken)
      : input.signature;
  const target = new URL(input.callbackUrl);
  return fetch(`${input.via}${target.pathname}${target.search}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(input.sent ?? input.params).toString(),
  });
}

/** Twilio's status callback parameters for one message (MessageStatus and, on failure, ErrorCode). */
export function twilioStatus(accountSid: string, messageSid: string, status: string, errorCode?: string) {
  return {
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    From: '+15550001111',
    MessageSid: messageSid,
    MessageStatus: status,
    SmsSid: messageSid,
    SmsStatus: status,
    To: '+8613800138000',
    ...(errorCode ? { ErrorCode: errorCode } : {}),
  };
}

export function aliyunReport(bizId: string, outId: string, success: boolean, code: string) {
  return {
    phone_number: '13800138000',
    send_time: '2026-12-06 04:00:00',
    report_time: '2026-12-06 04:00:05',
    success,
    err_code: code,
    err_msg: success ? '用户接收成功' : '用户接收失败',
    sms_size: '1',
    biz_id: bizId,
    out_id: outId,
  };
}

export function tencentReport(sid: string, success: boolean, errmsg: string) {
  return {
    user_receive_time: '2026-12-06 04:00:05',
    nationcode: '86',
    mobile: '13800138000',
    report_status: success ? 'SUCCESS' : 'FAIL',
    errmsg,
    description: success ? '用户短信送达成功' : '用户短信接收失败',
    sid,
  };
}

export function postReports(url: string, via: string, reports: object[]): Promise<Response> {
  const target = new URL(url);
  return fetch(`${via}${target.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reports),
  });
}
