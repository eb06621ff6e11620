import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { newWebhookSecret } from './signature.js';

/**
 * Endpoint secrets at rest: AES-256-GCM under a keyring-derived key (`webhooks-secrets`),
 * so a copy of the database alone cannot sign as SignX. `v1:<iv>:<tag>:<ciphertext>`, base64.
 */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(
    ':',
  );
}

export function unsealSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * A new secret for a row that signs with one (outbound endpoint, inbound credential): the
 * column changes that seal it and keep the old one valid for the overlap window.
 */
export function rotatedSecret(key: Buffer, previousSealed: string, now: Date, overlapMs: number) {
  const secret = newWebhookSecret();
  const until = new Date(now.getTime() + overlapMs).toISOString();
  const changes = {
    secret: sealSecret(key, secret),
    previous_secret: previousSealed,
    previous_secret_until: until,
    updated_at: now.toISOString(),
  };
  return { secret, until, changes };
}
