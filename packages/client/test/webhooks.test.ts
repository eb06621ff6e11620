import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signedHeaders } from '../../server/src/modules/webhooks/signature.js';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';

/** verifyWebhook against deliveries signed by the server's own signer (webhooks/signature.ts). */
const id = '019af3c2-0000-7000-8000-000000000001';
const at = 1_796_601_600;
const now = at * 1000;
const body = JSON.stringify({ id, type: 'signing.request.completed', timestamp: 'x', data: { n: 'ü' } });

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('verifyWebhook', () => {
  it('accepts a delivery the server signed and returns the parsed body; Headers or a plain object', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], id, at, body);
    expect(verifyWebhook(secret, headers, body, { now }).data).toEqual({ n: 'ü' });
    expect(verifyWebhook(secret, new Headers(headers), Buffer.from(body), { now }).id).toBe(id);
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(secret, shouting, body, { now }).type).toBe('signing.request.completed');
  });

  it('during a rotation accepts either secret, and a receiver holding both', () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([fresh, old], id, at, body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secrets of [old, fresh, [old, fresh], [newWebhookSecret(), fresh]])
      expect(verifyWebhook(secrets, headers, body, { now }).id).toBe(id);
  });

  it('refuses a changed body, id or timestamp, another secret, and a forged or missing signature', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], id, at, body);
    const check = (h: Record<string, string>, b = body, s: string | string[] = secret) =>
      refusal(() => verifyWebhook(s, h, b, { now }));
    expect(check(headers, body.replace('ü', 'u'))).toBe('no_matching_signature');
    expect(check(headers, `${body} `)).toBe('no_matching_signature');
    expect(check({ ...headers, 'webhook-id': `${id}x` })).toBe('no_matching_signature');
    expect(check({ ...headers, 'webhook-timestamp': String(at + 1) })).toBe('no_matching_signature');
    expect(check(headers, body, newWebhookSecret())).toBe('no_matching_signature');
    expect(check(headers, body, [])).toBe('bad_secret');
    expect(check(headers, body, 'not-a-secret')).toBe('bad_secret');
    const mac = headers['webhook-signature']!.slice(3);
    expect(check({ ...headers, 'webhook-signature': `v2,${mac}` })).toBe('no_matching_signature');
    expect(check({ ...headers, 'webhook-signature': `v1,${mac.slice(0, -4)}` })).toBe(
      'no_matching_signature',
    );
    expect(check({ ...headers, 'webhook-signature': '' })).toBe('missing_headers');
    const { 'webhook-id': _, ...noId } = headers;
    expect(check(noId)).toBe('missing_headers');
    expect(check({ ...headers, 'webhook-timestamp': '17966e5' })).toBe('bad_timestamp');
  });

  it('refuses a timestamp outside the window (a replay), either side, and honours toleranceSeconds', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], id, at, body);
    const at_ = (offsetSeconds: number, toleranceSeconds?: number) =>
      refusal(() =>
        verifyWebhook(secret, headers, body, { now: now + offsetSeconds * 1000, toleranceSeconds }),
      );
    expect(at_(300)).toBeUndefined();
    expect(at_(301)).toBe('timestamp_out_of_window');
    expect(at_(-301)).toBe('timestamp_out_of_window');
    expect(at_(30, 10)).toBe('timestamp_out_of_window');
    expect(at_(3600, 7200)).toBeUndefined();
  });

  it('refuses a signed body that is not JSON', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], id, at, 'not json');
    expect(refusal(() => verifyWebhook(secret, headers, 'not json', { now }))).toBe('bad_body');
  });
});
