import { createHmac } from 'node:crypto';

/**
 * RFC 6238 TOTP check (HMAC-SHA-1, 6 digits), as otplib's `authenticator.checkDelta` answers
 * it — the current step first, then `window` steps back, then forward — without its per-call
 * option cloning and base32 plugin (which allocates through the deprecated `Buffer()`): a
 * signing ceremony checks one code per signature. Equality with otplib is tested.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const digitsPattern = /^\d{6}$/;

/** RFC 4648 base32 (upper or lower case, padding and spaces ignored); null when malformed. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out = Buffer.alloc(Math.floor((clean.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const v = ALPHABET.indexOf(char);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

function codeAt(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0xf;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The step offset (0, −1…−window, +1…+window) at which `code` is right at `epochMs`, or null. */
export function totpDelta(
  code: string,
  secretBase32: string,
  epochMs: number,
  options: { step: number; window: number },
): number | null {
  if (!digitsPattern.test(code)) return null;
  const key = base32Decode(secretBase32);
  if (!key || key.length === 0) return null;
  const counter = Math.floor(epochMs / 1000 / options.step);
  const order = [0];
  for (let i = 1; i <= options.window; i += 1) order.push(-i);
  for (let i = 1; i <= options.window; i += 1) order.push(i);
  for (const delta of order) if (counter + delta >= 0 && codeAt(key, counter + delta) === code) return delta;
  return null;
}
