import { createHmac } from 'node:crypto';
import type { OutboundClient } from '../../../platform/http/outbound-client.js';
import { answerText, type Provider, ProviderError } from './channel-port.js';

/**
 * A generic webhook: a JSON POST signed like every SignX webhook, HMAC-SHA256 over
 * `timestamp.body` (header `X-SignX-Signature: sha256=<hex>`), with the delivery id for
 * deduplication on the receiving side. 2xx is success; 429 and 5xx are retried (after
 * Retry-After when given); another 4xx means the receiver refuses this payload.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function webhookProvider(options: {
  endpointId: string;
  url: string;
  secret: string | null;
  outbound: OutboundClient;
  now: () => Date;
}): Provider {
  return {
    name: `webhook:${options.endpointId}`,
    async send(m, signal) {
      const body = JSON.stringify({
        id: m.row.id,
        type: 'notification',
        message_id: m.row.message_id,
        template: m.row.template_code,
        category: m.row.category,
        priority: m.row.priority,
        locale: m.row.locale,
        subject: m.subject,
        body: m.body,
        link: m.extra.link ?? null,
        recipients: m.extra.recipients ?? [],
        created_at: m.row.created_at,
      });
      const timestamp = Math.floor(options.now().getTime() / 1000);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-signx-event': 'notification',
        'x-signx-delivery': m.row.id,
        'x-signx-timestamp': String(timestamp),
      };
      if (options.secret) headers['x-signx-signature'] = webhookSignature(options.secret, timestamp, body);
      const response = await options.outbound.fetch(options.url, {
        method: 'POST',
        headers,
        body,
        signal,
        redirect: 'error',
      });
      const text = await answerText(response, 500);
      if (response.ok) return { response: `HTTP ${response.status} ${text}`.trim() };
      const transient = response.status === 429 || response.status >= 500 || response.status === 408;
      const retry = Number(response.headers.get('retry-after'));
      throw new ProviderError(`webhook answered HTTP ${response.status}`, {
        transient,
        failover: transient,
        response: text,
        ...(retry > 0 ? { retryAfterMs: retry * 1000 } : {}),
      });
    },
  };
}
