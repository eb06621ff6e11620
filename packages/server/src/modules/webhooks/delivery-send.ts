import type { OutboundClient } from '../../platform/http/outbound-client.js';
import type { DeliveryRow, EventRow } from './deliveries.repository.js';
import { signedHeaders } from './signature.js';

/** What one attempt did, for the log. */
export interface AttemptOutcome {
  ok: boolean;
  headers: Record<string, string>;
  status: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * The payload: `{id, type, timestamp, data}`; the id is the event's, stable across retries.
 * `data` is spliced in as stored: the outbox holds it as the JSON codec wrote it
 * (JSON.stringify), which is what re-serialising the parsed value would give, without
 * parsing and writing it again per delivery.
 */
export function payloadOf(event: EventRow): string {
  const data = event.data === '' ? 'null' : event.data;
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(event.created_at)},"data":${data}}`;
}

/**
 * One POST through the platform's outbound client (SSRF policy, keep-alive connections,
 * no redirects) with the Standard Webhooks headers signed by every live secret. A 2xx is
 * success; anything else, a refused address, a reset connection or the timeout is a
 * failure with its reason.
 */
export async function sendAttempt(
  post: OutboundClient['post'],
  url: string,
  event: EventRow,
  delivery: DeliveryRow,
  secrets: readonly string[],
  opts: { timeoutMs: number; excerptChars: number; now: Date },
): Promise<AttemptOutcome> {
  const body = payloadOf(event);
  const headers = signedHeaders(secrets, event.id, Math.floor(opts.now.getTime() / 1000), body);
  const logged = { ...headers, 'webhook-signature': redact(headers['webhook-signature'] ?? '') };
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const response = await post(url, {
      headers: { ...headers, 'x-signx-delivery': delivery.id },
      body,
      maxBytes: opts.excerptChars * 4,
      signal,
    });
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      headers: logged,
      status: response.status,
      excerpt: response.body.slice(0, opts.excerptChars),
      error: ok ? null : `HTTP ${response.status}`,
      durationMs: duration(),
    };
  } catch (error) {
    return {
      ok: false,
      headers: logged,
      status: null,
      excerpt: null,
      error: signal.aborted ? 'timeout' : reasonOf(error),
      durationMs: duration(),
    };
  }
}

/** The log keeps the signature scheme and the first characters only. */
function redact(signature: string): string {
  return signature
    .split(' ')
    .map((s) => `${s.slice(0, 9)}…`)
    .join(' ');
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message;
    return (detail ? `${error.message}: ${detail}` : error.message).slice(0, 500);
  }
  return 'failed';
}
