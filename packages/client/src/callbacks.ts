import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Inbound callbacks (docs/integration.md, "Inbound callbacks"): another system calls a
 * SignX callback route (e.g. POST /api/v1/callbacks/signing-requests) signed with an inbound
 * credential instead of a token. The signature is
 * `v1,` + base64(HMAC-SHA256(key, "<key id>.<request id>.<timestamp>.<raw body>")), where
 * the key is the base64 part of the `whsec_…` secret: the Standard Webhooks scheme with
 * `<key id>.<request id>` as its message id.
 */
export interface CallbackCredential {
  /** `ick_…`, shown with the credential. */
  keyId: string;
  /** `whsec_…`, shown once when the credential is made or rotated. */
  secret: string;
}

export interface SignCallbackOptions {
  /** Unique per call (8–100 of A–Z a–z 0–9 _ -); default a random UUID. SignX refuses a second use. */
  requestId?: string;
  /** Unix seconds; default now. SignX refuses more than 5 minutes away from its clock. */
  timestamp?: number;
}

export const callbackHeaderNames = {
  keyId: 'signx-key-id',
  requestId: 'signx-request-id',
  timestamp: 'signx-timestamp',
  signature: 'signx-signature',
} as const;

function secretKey(secret: string): Buffer {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match?.[1]) throw new Error('an inbound credential secret starts with whsec_');
  return Buffer.from(match[1], 'base64');
}

function mac(secret: string, keyId: string, requestId: string, timestamp: string, body: string | Uint8Array) {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return createHmac('sha256', secretKey(secret))
    .update(Buffer.concat([Buffer.from(`${keyId}.${requestId}.${timestamp}.`, 'utf8'), raw]))
    .digest();
}

/**
 * The four headers of one signed callback for exactly this `body` (send these bytes
 * unchanged, with `content-type: application/json`). Sign again for every retry: a request
 * id is accepted once; an `Idempotency-Key` header makes the retry answer the first reply.
 */
export function signCallback(
  credential: CallbackCredential,
  body: string | Uint8Array,
  options: SignCallbackOptions = {},
): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const requestId = options.requestId ?? randomUUID();
  const signature = mac(credential.secret, credential.keyId, requestId, timestamp, body).toString('base64');
  return {
    [callbackHeaderNames.keyId]: credential.keyId,
    [callbackHeaderNames.requestId]: requestId,
    [callbackHeaderNames.timestamp]: timestamp,
    [callbackHeaderNames.signature]: `v1,${signature}`,
  };
}

export type CallbackFailure = 'missing_headers' | 'timestamp_out_of_window' | 'no_matching_signature';

/**
 * Checks a signed callback the way SignX does (for a gateway in front of SignX, or for tests):
 * the headers, the timestamp within `toleranceSeconds` (default 300), and a `v1,` signature
 * under one of `secrets`, compared in constant time. Returns the request id, which the caller
 * must remember for the window to refuse replays; null when valid, else the failure.
 */
export function verifyCallback(
  credential: { keyId: string; secrets: readonly string[] },
  headers: Record<string, string | undefined>,
  body: string | Uint8Array,
  options: { toleranceSeconds?: number; now?: number } = {},
): { ok: true; requestId: string } | { ok: false; reason: CallbackFailure } {
  const get = (name: string) => headers[name] ?? headers[name.toLowerCase()];
  const requestId = get(callbackHeaderNames.requestId);
  const timestamp = get(callbackHeaderNames.timestamp);
  const signature = get(callbackHeaderNames.signature);
  if (get(callbackHeaderNames.keyId) !== credential.keyId || !requestId || !signature) {
    return { ok: false, reason: 'missing_headers' };
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'timestamp_out_of_window' };
  }
  const given = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  let matched = false;
  for (const secret of credential.secrets) {
    const expected = mac(secret, credential.keyId, requestId, timestamp, body);
    for (const candidate of given) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched ? { ok: true, requestId } : { ok: false, reason: 'no_matching_signature' };
}
