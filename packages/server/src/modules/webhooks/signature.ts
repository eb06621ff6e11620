import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (docs/integration.md): `webhook-signature` is a space-separated
 * list of `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`, one per live secret,
 * where the key is the base64 part of `whsec_<base64>`.
 */
export const SECRET_PREFIX = 'whsec_';

/** A fresh secret: 32 bytes from the CSPRNG. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of one delivery attempt, signed by every secret given (current first). */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signatureOf(s, id, timestamp, body)).join(' '),
  };
}

/** True when one of the header's `v1,` signatures matches `secret` (constant-time compare). */
export function verifySignature(secret: string, id: string, timestamp: number, body: string, header: string) {
  const expected = Buffer.from(signatureOf(secret, id, timestamp, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
