import { createHmac } from 'node:crypto';

/**
 * The SMS providers' delivery receipts, read as each documents them, and the one receipt
 * signature there is.
 *
 * - Twilio posts a form to the message's `StatusCallback` and signs it: `X-Twilio-Signature`
 *   = base64(HMAC-SHA1(auth token, the full callback URL + every POST parameter as name
 *   then value, sorted by name, no separators)). `MessageStatus` `delivered` is final;
 *   `undelivered` and `failed` are final with `ErrorCode`; the others are progress.
 * - Aliyun (SmsReport, HTTP batch push) posts a JSON array of
 *   `{biz_id, out_id, success, err_code, err_msg, …}`; `biz_id` is SendSms's `BizId`.
 * - Tencent Cloud (SMS status callback) posts a JSON array of
 *   `{sid, report_status: SUCCESS|FAIL, errmsg, description, …}`; `sid` is the `SerialNo`.
 *
 * Neither Aliyun nor Tencent signs its pushes (their documentation describes none), so the
 * callback URL configured in their consoles carries a capability token instead (see
 * receipts/receipt-urls.ts).
 */
export interface Receipt {
  /** The provider's message id: Twilio MessageSid, Aliyun biz_id, Tencent sid. */
  messageId: string;
  /** Our delivery id when the provider echoes it (Aliyun `out_id`). */
  deliveryId: string | null;
  outcome: 'delivered' | 'failed' | 'progress';
  /** The provider's status or error code, e.g. DELIVERED, DELIVRD, 30003. */
  code: string;
  detail: string | null;
}

export function twilioSignature(url: string, params: Record<string, string>, authToken: string): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => `${text}${name}${params[name]}`, url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

export function twilioReceipt(params: Record<string, string>): Receipt | null {
  const messageId = params.MessageSid ?? params.SmsSid ?? '';
  const status = params.MessageStatus ?? params.SmsStatus ?? '';
  if (!messageId || !status) return null;
  const failed = status === 'undelivered' || status === 'failed';
  return {
    messageId,
    deliveryId: null,
    outcome: status === 'delivered' ? 'delivered' : failed ? 'failed' : 'progress',
    code: failed ? params.ErrorCode || status : status,
    detail: params.ErrorMessage ?? null,
  };
}

export function aliyunReceipts(body: unknown): Receipt[] {
  return (Array.isArray(body) ? body : []).flatMap((item: Record<string, unknown>) => {
    const messageId = text(item?.biz_id);
    if (!messageId) return [];
    const success = item.success === true || item.success === 'true';
    return [
      {
        messageId,
        deliveryId: text(item.out_id) || null,
        outcome: success ? 'delivered' : 'failed',
        code: text(item.err_code) || (success ? 'DELIVERED' : 'UNKNOWN'),
        detail: text(item.err_msg) || null,
      } satisfies Receipt,
    ];
  });
}

export function tencentReceipts(body: unknown): Receipt[] {
  return (Array.isArray(body) ? body : []).flatMap((item: Record<string, unknown>) => {
    const messageId = text(item?.sid);
    const status = text(item?.report_status);
    if (!messageId || (status !== 'SUCCESS' && status !== 'FAIL')) return [];
    return [
      {
        messageId,
        deliveryId: null,
        outcome: status === 'SUCCESS' ? 'delivered' : 'failed',
        code: text(item.errmsg) || status,
        detail: text(item.description) || null,
      } satisfies Receipt,
    ];
  });
}
