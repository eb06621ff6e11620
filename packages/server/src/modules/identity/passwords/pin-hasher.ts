import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../../../platform/keyring/keyring.js';
import type { PasswordHasher } from './password-hasher.js';

/**
 * Signature PIN hashes (21 CFR Part 11 signing). A PIN of 6–12 digits has so few values that
 * no argon2 cost stops an offline search of a stolen hash; what protects it is the online
 * lockout and a secret the database does not hold. So a PIN is stored as HMAC-SHA-256 under
 * a keyring key (outside the database), with a random per-PIN salt, and the key id in the
 * string so the key can rotate: `$signx-pin$k=<keyId>$<salt>$<mac>` (base64url). A copy of
 * the database alone cannot test a single guess. Older argon2id PIN hashes still verify and
 * are replaced by the keyed form on the next right PIN (`rehash`), as are hashes under a key
 * that is no longer the current one.
 */
export interface PinKeys {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface PinVerdict {
  ok: boolean;
  /** The hash to store instead of the verified one (old format or old key); only when `ok`. */
  rehash?: string;
}

export interface PinHasher {
  hash(pin: string): string;
  verify(stored: string, pin: string): Promise<PinVerdict>;
  /** The same work as a keyed verification, for answers that must not reveal a lockout. */
  verifyDummy(pin: string): void;
}

const PREFIX = '$signx-pin$';
const keyIdPattern = /^k[0-9]{1,3}$/;

/** Keys `k1`..`k<version>` derived from the keyring; `k<version>` hashes new PINs. */
export function pinKeysFromKeyring(keyring: Keyring, version: number): PinKeys {
  const keys = new Map<string, Buffer>();
  for (let n = 1; n <= version; n += 1) keys.set(`k${n}`, keyring.secret(`identity-pin-k${n}`));
  return { currentKeyId: `k${version}`, keys };
}

export const isKeyedPinHash = (stored: string): boolean => stored.startsWith(PREFIX);

export function createPinHasher(pinKeys: PinKeys, legacy: PasswordHasher): PinHasher {
  const current = pinKeys.keys.get(pinKeys.currentKeyId);
  if (!current) throw new Error(`PIN key ${pinKeys.currentKeyId} is missing from the keyring`);
  const mac = (key: Buffer, salt: Buffer, pin: string) =>
    createHmac('sha256', key).update(salt).update(`signx-pin:${pin}`).digest();
  const hash = (pin: string) => {
    const salt = randomBytes(16);
    const digest = mac(current, salt, pin).toString('base64url');
    return `${PREFIX}k=${pinKeys.currentKeyId}$${salt.toString('base64url')}$${digest}`;
  };
  return {
    hash,
    verify: async (stored, pin) => {
      if (!isKeyedPinHash(stored)) {
        if (!(await legacy.verify(stored, pin))) return { ok: false };
        return { ok: true, rehash: hash(pin) };
      }
      const [keyPart, salt, digest] = stored.slice(PREFIX.length).split('$');
      const keyId = keyPart?.startsWith('k=') ? keyPart.slice(2) : '';
      const key = keyIdPattern.test(keyId) ? pinKeys.keys.get(keyId) : undefined;
      if (!key || !salt || !digest) return { ok: false };
      const expected = mac(key, Buffer.from(salt, 'base64url'), pin);
      const given = Buffer.from(digest, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
      return keyId === pinKeys.currentKeyId ? { ok: true } : { ok: true, rehash: hash(pin) };
    },
    verifyDummy: (pin) => {
      mac(current, randomBytes(16), pin);
    },
  };
}
