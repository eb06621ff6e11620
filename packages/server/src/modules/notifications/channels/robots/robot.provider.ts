import type { OutboundClient } from '../../../../platform/http/outbound-client.js';
import { answerText, type Provider, ProviderError } from '../channel-port.js';
import { type RobotKind, robotRequest } from './robot-messages.js';

/**
 * A group robot. Each kind answers HTTP 200 with its own error code; a rate block (DingTalk
 * 130101, WeCom 45009, Feishu 11232) is retried only after the block has passed, since an
 * immediate retry into a block extends it. A robot that refuses our signature or key is a
 * configuration problem: the next robot of the group is tried.
 */
const rateBlock: Record<RobotKind, { codes: number[]; retryAfterMs: number }> = {
  dingtalk: { codes: [130101], retryAfterMs: 600_000 },
  wecom: { codes: [45009], retryAfterMs: 60_000 },
  feishu: { codes: [11232, 9499_429], retryAfterMs: 60_000 },
};

export function robotProvider(options: {
  kind: RobotKind;
  endpointId: string;
  url: string;
  secret: string | null;
  outbound: OutboundClient;
  now: () => Date;
}): Provider {
  return {
    name: `robot:${options.endpointId}`,
    async send(message, signal) {
      const request = robotRequest(options.kind, message, options.url, options.secret, options.now());
      const response = await options.outbound.fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(request.body),
        signal,
        redirect: 'error',
      });
      const text = await answerText(response);
      if (response.status === 429 || response.status >= 500) {
        throw new ProviderError(`robot answered HTTP ${response.status}`, {
          transient: true,
          response: text,
        });
      }
      let code: number;
      try {
        const json = JSON.parse(text) as { errcode?: number; code?: number; StatusCode?: number };
        code = json.errcode ?? json.code ?? json.StatusCode ?? -1;
      } catch {
        throw new ProviderError(`robot answered HTTP ${response.status} without JSON`, {
          transient: true,
          response: text,
        });
      }
      if (response.ok && code === 0) return { response: text };
      const block = rateBlock[options.kind];
      if (block.codes.includes(code)) {
        throw new ProviderError(`robot rate limit (${code})`, {
          transient: true,
          failover: true,
          retryAfterMs: block.retryAfterMs,
          response: text,
        });
      }
      throw new ProviderError(`robot refused the message (code ${code})`, {
        transient: false,
        failover: true,
        response: text,
      });
    },
  };
}
