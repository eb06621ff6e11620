import { createHmac, timingSafeEqual } from 'node:crypto';

/** The body of a SignX webhook (docs/integration.md). */
export interface WebhookEvent<D = Record<string, unknown>> {
  id: string;
  type: string;
  timestamp: string;
  data: D;
}

export type WebhookFailure =
  | 'missing_headers'
  | 'bad_timestamp'
  | 'timestamp_out_of_window'
  | 'bad_secret'
  | 'no_matching_signature'
  | 'bad_body';

/** Why a webhook was refused (`reason`); never says which secret or signature came close. */
export class WebhookVerificationError extends Error {
  constructor(readonly reason: WebhookFailure) {
    super(`webhook refused: ${reason}`);
    this.name = 'WebhookVerificationError';
  }
}

export interface VerifyOptions {
  /** Largest distance in seconds between `webhook-timestamp` and now (default 300). */
  toleranceSeconds?: number;
  /** Now, in milliseconds since the epoch (default `Date.now()`); for tests. */
  now?: number;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

function secretKey(secret: string): Buffer {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match?.[1]) throw new WebhookVerificationError('bad_secret');
  return Buffer.from(match[1], 'base64');
}

/**
 * Verifies a Standard Webhooks delivery and returns its parsed body. `secrets` is the
 * endpoint's secret, or several (during a rotation the server signs with the old and new
 * one; pass both while you switch). `body` must be the raw body as received, before any
 * JSON parsing. Refuses (throws `WebhookVerificationError`) a missing header, a timestamp
 * more than `toleranceSeconds` from now, and a body no `v1,` signature of the header
 * matches under any secret; signatures are compared in constant time. Deduplicating on
 * `webhook-id` (= the event id) is the receiver's job.
 */
export function verifyWebhook<D = Record<string, unknown>>(
  secrets: string | readonly string[],
  headers: HeaderBag,
  body: string | Uint8Array,
  options: VerifyOptions = {},
): WebhookEvent<D> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signature) throw new WebhookVerificationError('missing_headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('bad_timestamp');
  const tolerance = options.toleranceSeconds ?? 300;
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw new WebhookVerificationError('timestamp_out_of_window');

  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), raw]);
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).map(secretKey);
  if (keys.length === 0) throw new WebhookVerificationError('bad_secret');
  const given = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  let matched = false;
  for (const key of keys) {
    const expected = createHmac('sha256', key).update(content).digest();
    for (const candidate of given) {
      // Every pair is compared (no early exit), each in constant time.
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  if (!matched) throw new WebhookVerificationError('no_matching_signature');
  try {
    return JSON.parse(raw.toString('utf8')) as WebhookEvent<D>;
  } catch {
    throw new WebhookVerificationError('bad_body');
  }
}
