import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Small crypto helpers of the notification center. Credentials it must use again (robot
 * URLs and secrets, SMS keys) and the content of sensitive messages (reset links, codes)
 * are sealed with AES-256-GCM under a keyring-derived key, so a copy of the database alone
 * reveals neither. Capability tokens (full-message links) are 128-bit random values stored
 * as SHA-256; unsubscribe links are HMACs that need no storage.
 */
const prefix = 'sx1.';

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return prefix + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function isSealed(value: string | null): boolean {
  return value?.startsWith(prefix) === true;
}

export function unseal(key: Buffer, sealed: string): string {
  const [iv, tag, body] = sealed
    .slice(prefix.length)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** A value that may be sealed: unsealed when it is, as is when not. */
export function openValue(key: Buffer, value: string | null): string | null {
  return value !== null && isSealed(value) ? unseal(key, value) : value;
}

export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
