import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets handed to users (refresh tokens, reset links, API keys, proofs) are 256 bits
 * from the CSPRNG; only their SHA-256 is stored. A plain hash is right for high-entropy
 * secrets: there is nothing to brute-force, and lookup by hash stays a point read.
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A numeric one-time code (email MFA); its strength comes from expiry and attempt limits. */
export function newNumericCode(digits = 6): string {
  const max = 10 ** digits;
  let value = 0;
  do value = randomBytes(4).readUInt32BE(0);
  while (value >= Math.floor(0x1_0000_0000 / max) * max);
  return String(value % max).padStart(digits, '0');
}

/** Recovery codes: 80 bits each, grouped for reading (`xxxxx-xxxxx-xxxxx-xxxxx`). */
export function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

/** AES-256-GCM for the few secrets the server must read back (TOTP seeds), keyed from the keyring. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(key: Buffer, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** Adds minutes to an ISO time (all identity expiries are computed from the server clock). */
export function plusMinutes(iso: string | Date, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}

/** Keyed hash for short codes (email one-time codes), so a database copy cannot test guesses offline. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
