import { randomUUID } from 'node:crypto';
import type { OutboundClient } from '../../../../platform/http/outbound-client.js';
import { answerText, type Outgoing, type Provider, ProviderError } from '../channel-port.js';
import { aliyunSignature, tencentAuthorization } from './sms-signing.js';

/** A configured SMS provider, credentials unsealed. */
export interface SmsAccount {
  id: string;
  kind: 'aliyun' | 'tencent' | 'twilio';
  settings: Record<string, string | undefined>;
  secret: string;
}

interface Env {
  outbound: OutboundClient;
  now: () => Date;
  /** Where Twilio reports delivery (status callbacks). */
  callbackBase: string;
}

const json = (text: string): Record<string, unknown> => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

async function post(env: Env, url: string, init: RequestInit, signal: AbortSignal) {
  const response = await env.outbound.fetch(url, { ...init, method: 'POST', signal, redirect: 'error' });
  const text = await answerText(response);
  if (response.status === 429 || response.status >= 500) {
    const retry = Number(response.headers.get('retry-after'));
    throw new ProviderError(`HTTP ${response.status}`, {
      transient: true,
      response: text,
      ...(retry > 0 ? { retryAfterMs: retry * 1000 } : {}),
    });
  }
  return { response, text, body: json(text) };
}

const noTemplate = (kind: string) =>
  new ProviderError(`the template has no ${kind} SMS template mapped`, { transient: false, failover: true });

function aliyun(account: SmsAccount, env: Env): Provider {
  return {
    name: `sms:aliyun:${account.id}`,
    async send(m: Outgoing, signal) {
      const mapped = m.extra.sms?.aliyun;
      if (!mapped) throw noTemplate('Aliyun');
      const params: Record<string, string> = {
        AccessKeyId: account.settings.access_key_id ?? '',
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: account.settings.region ?? 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        Timestamp: env
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
        PhoneNumbers: (m.row.address ?? '').replace(/^\+86/, ''),
        SignName: account.settings.sign_name ?? '',
        TemplateCode: mapped.template_code,
        TemplateParam: JSON.stringify(mapped.params),
        OutId: m.row.id,
      };
      params.Signature = aliyunSignature('POST', params, account.secret);
      const { text, body } = await post(
        env,
        account.settings.endpoint ?? 'https://dysmsapi.aliyuncs.com/',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(params).toString(),
        },
        signal,
      );
      const code = String(body.Code ?? '');
      if (code === 'OK') return { providerMessageId: String(body.BizId ?? ''), response: text };
      if (code === 'isv.BUSINESS_LIMIT_CONTROL' || code.startsWith('Throttling')) {
        throw new ProviderError(`Aliyun throttled: ${code}`, {
          transient: true,
          failover: true,
          retryAfterMs: 3_600_000,
          response: text,
        });
      }
      const permanent = code === 'isv.MOBILE_NUMBER_ILLEGAL' || code === 'isv.BLACK_KEY_CONTROL_LIMIT';
      throw new ProviderError(`Aliyun refused: ${code || 'no code'}`, {
        transient: !permanent,
        failover: !permanent,
        response: text,
      });
    },
  };
}

function tencent(account: SmsAccount, env: Env): Provider {
  return {
    name: `sms:tencent:${account.id}`,
    async send(m: Outgoing, signal) {
      const mapped = m.extra.sms?.tencent;
      if (!mapped) throw noTemplate('Tencent');
      const endpoint = new URL(account.settings.endpoint ?? 'https://sms.tencentcloudapi.com/');
      const phone = m.row.address ?? '';
      const payload = JSON.stringify({
        PhoneNumberSet: [phone.startsWith('+') ? phone : `${account.settings.country_code ?? '+86'}${phone}`],
        SmsSdkAppId: account.settings.sdk_app_id ?? '',
        SignName: account.settings.sign_name ?? '',
        TemplateId: mapped.template_id,
        TemplateParamSet: mapped.params,
        SessionContext: m.row.id,
      });
      const timestamp = Math.floor(env.now().getTime() / 1000);
      const host = endpoint.host;
      const authorization = tencentAuthorization({
        secretId: account.settings.secret_id ?? '',
        secretKey: account.secret,
        service: 'sms',
        host,
        action: 'SendSms',
        payload,
        timestamp,
      });
      const { text, body } = await post(
        env,
        endpoint.toString(),
        {
          headers: {
            authorization,
            'content-type': 'application/json; charset=utf-8',
            host,
            'x-tc-action': 'SendSms',
            'x-tc-timestamp': String(timestamp),
            'x-tc-version': '2021-01-11',
            'x-tc-region': account.settings.region ?? 'ap-guangzhou',
          },
          body: payload,
        },
        signal,
      );
      const answer = (body.Response ?? {}) as {
        Error?: { Code?: string };
        SendStatusSet?: { Code?: string; SerialNo?: string }[];
      };
      const status = answer.SendStatusSet?.[0];
      if (status?.Code === 'Ok') return { providerMessageId: status.SerialNo ?? '', response: text };
      const code = answer.Error?.Code ?? status?.Code ?? '';
      if (code.startsWith('LimitExceeded') || code === 'RequestLimitExceeded') {
        throw new ProviderError(`Tencent throttled: ${code}`, {
          transient: true,
          failover: true,
          retryAfterMs: 60_000,
          response: text,
        });
      }
      const permanent =
        code.startsWith('InvalidParameterValue.IncorrectPhoneNumber') ||
        code.startsWith('UnsupportedOperation');
      throw new ProviderError(`Tencent refused: ${code || 'no code'}`, {
        transient: !permanent,
        failover: !permanent,
        response: text,
      });
    },
  };
}

function twilio(account: SmsAccount, env: Env): Provider {
  return {
    name: `sms:twilio:${account.id}`,
    async send(m: Outgoing, signal) {
      const sid = account.settings.account_sid ?? '';
      const base = (account.settings.endpoint ?? 'https://api.twilio.com').replace(/\/+$/, '');
      const form = new URLSearchParams({
        To: m.row.address ?? '',
        From: account.settings.from ?? '',
        Body: m.body.slice(0, 1600),
        StatusCallback: `${env.callbackBase}/twilio/${account.id}`,
      });
      const { response, text, body } = await post(
        env,
        `${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
        {
          headers: {
            authorization: `Basic ${Buffer.from(`${sid}:${account.secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: form.toString(),
        },
        signal,
      );
      if (response.status === 201 || response.status === 200)
        return { providerMessageId: String(body.sid ?? ''), response: text };
      const code = Number(body.code ?? 0);
      const permanent = response.status === 400 && [21211, 21614, 21610, 21408].includes(code);
      throw new ProviderError(`Twilio refused: HTTP ${response.status} code ${code}`, {
        transient: !permanent && response.status !== 400,
        failover: !permanent,
        response: text,
      });
    },
  };
}

export function smsProvider(account: SmsAccount, env: Env): Provider {
  if (account.kind === 'aliyun') return aliyun(account, env);
  if (account.kind === 'tencent') return tencent(account, env);
  return twilio(account, env);
}
