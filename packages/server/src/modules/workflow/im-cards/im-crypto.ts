import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The two callback encryptions of the IM apps (docs/workflow.md, "IM approval cards"),
 * written from the providers' documentation. Both answer null for anything that does not
 * verify or decrypt, so the caller refuses alike whatever was wrong.
 */
export function sameText(a: string, b: string): boolean {
  // Compared as bytes: two strings of one length in characters can differ in UTF-8 length,
  // and timingSafeEqual throws on unequal lengths (a 500 instead of a refusal).
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Feishu: X-Lark-Signature = hex SHA-256 of timestamp + nonce + encrypt_key + raw body. */
export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256')
    .update(timestamp + nonce + encryptKey + body)
    .digest('hex');
}

/** Feishu `{encrypt}`: base64 of IV(16) + AES-256-CBC(PKCS#7), key = SHA-256(encrypt_key). */
export function feishuDecrypt(encrypt: string, encryptKey: string): string | null {
  try {
    const raw = Buffer.from(encrypt, 'base64');
    if (raw.length < 32) return null;
    const key = createHash('sha256').update(encryptKey).digest();
    const decipher = createDecipheriv('aes-256-cbc', key, raw.subarray(0, 16));
    return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function feishuEncrypt(plain: string, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** DingTalk (and WeCom): msg_signature = hex SHA-1 of the sorted token, timestamp, nonce, encrypt. */
export function dingtalkSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

const aesKeyOf = (encodingAesKey: string) => Buffer.from(`${encodingAesKey}=`, 'base64');

/**
 * DingTalk's envelope: AES-256-CBC, key = base64(aes_key + "="), IV = its first 16 bytes,
 * PKCS#7 padding to 32 bytes; plaintext = 16 random bytes, 4-byte big-endian length, the
 * message, the receiver id (app key or corp id). A different receiver is refused.
 */
export function dingtalkDecrypt(encrypt: string, encodingAesKey: string, receiver: string): string | null {
  try {
    const key = aesKeyOf(encodingAesKey);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1] ?? 0;
    if (pad < 1 || pad > 32) return null;
    const plain = padded.subarray(0, padded.length - pad);
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) return null;
    const message = plain.subarray(20, 20 + length).toString('utf8');
    if (!sameText(plain.subarray(20 + length).toString('utf8'), receiver)) return null;
    return message;
  } catch {
    return null;
  }
}

export function dingtalkEncrypt(message: string, encodingAesKey: string, receiver: string): string {
  const key = aesKeyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(receiver, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}
