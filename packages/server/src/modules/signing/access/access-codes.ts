import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/** Limits of the second factor: short-lived codes, few guesses, slow resends. */
export const accessLimits = {
  codeDigits: 6,
  codeMinutes: 10,
  /** Wrong codes before the link locks (each guess is counted before it is compared). */
  maxAttempts: 5,
  lockMinutes: 15,
  resendSeconds: 60,
  /** How long a passed factor holds (never beyond the link's own expiry). */
  proofHours: 12,
} as const;

/** A one-time code: uniform digits from the CSPRNG. */
export const newCode = (): string =>
  Array.from({ length: accessLimits.codeDigits }, () => String(randomInt(10))).join('');

/** A sent code is stored as SHA-256 over the signer id and the code: one signer's code opens no other. */
export const hashCode = (signerId: string, code: string): string =>
  createHash('sha256').update(`${signerId}:${code.trim()}`, 'utf8').digest('hex');

export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** The proof handed out once the factor passed: 256 random bits, only its hash is kept. */
export function newProof(): { proof: string; hash: string } {
  const proof = randomBytes(32).toString('base64url');
  return { proof, hash: sha256(proof) };
}

/** The sender's access code may be reused by people elsewhere: stored with scrypt and a salt. */
export function hashAccessCode(code: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(code.normalize('NFC'), salt, 32).toString('base64url')}`;
}

export function accessCodeMatches(stored: string, code: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(code.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(expected, actual);
}

export const equalHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/** What the signer page may show of where the code went: d***@example.com, ***4567. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return `***${address.replace(/\D/g, '').slice(-4)}`;
}
